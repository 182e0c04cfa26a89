namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>Lets a <c>vrrp_sync_group</c> hold a member back (keepalived's vrrp_sync_can_goto_master / fault hold).</summary>
internal interface ISyncGate
{
    /// <summary>False keeps <paramref name="member"/> in BACKUP (wanting MASTER) until its peers want MASTER too.</summary>
    bool MayBecomeMaster(VrrpRouter member);

    /// <summary>True keeps <paramref name="member"/> in FAULT although its own fault cleared, while a peer is still faulty.</summary>
    bool MustStayFaulted(VrrpRouter member);
}
