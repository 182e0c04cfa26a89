namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>What <see cref="VrrpSyncGroup.Reconcile"/> decided.</summary>
/// <param name="Forced">Actions of members moved by the group, to perform like any router's actions.</param>
/// <param name="GroupTransition">The group's own state change (publish <c>VrrpSyncGroupStateChanged</c>), or null.</param>
internal sealed record SyncGroupOutcome(
    IReadOnlyList<(VrrpRouter Member, IReadOnlyList<VrrpAction> Actions)> Forced,
    StateChange? GroupTransition);
