namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>
/// Announce the virtual addresses again (gratuitous ARP / unsolicited NA) without re-adding them: a MASTER heard a
/// lower-priority master, as after a healed split brain, and hosts may have learnt the other master's MAC meanwhile.
/// keepalived does the same (<c>garp_lower_prio_repeat</c>, by default the <c>garp_master_repeat</c> count).
/// </summary>
internal sealed record RefreshNeighbours : VrrpAction;
