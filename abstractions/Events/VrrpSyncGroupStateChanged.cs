namespace Vigil.Abstractions.Events;

/// <summary>A <c>vrrp_sync_group</c> changed state (its members move together).</summary>
/// <param name="Group">The sync group's name.</param>
/// <param name="OldState">The state it left.</param>
/// <param name="NewState">The state it entered.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record VrrpSyncGroupStateChanged(
    string Group,
    VrrpState OldState,
    VrrpState NewState,
    string Reason) : ClusterEvent;
