namespace Vigil.Abstractions.Events;

/// <summary>A VRRP instance changed state.</summary>
/// <param name="Instance">The <c>vrrp_instance</c> name.</param>
/// <param name="Interface">The interface it runs on.</param>
/// <param name="VirtualRouterId">Its VRID.</param>
/// <param name="OldState">The state it left.</param>
/// <param name="NewState">The state it entered.</param>
/// <param name="Reason">Why, in words (<c>higher priority advertisement from 10.0.0.2</c>, <c>track_script chk_nginx failed</c>).</param>
/// <param name="Priority">The configured priority.</param>
/// <param name="EffectivePriority">The priority after tracking weights.</param>
public sealed record VrrpStateChanged(
    string Instance,
    string Interface,
    int VirtualRouterId,
    VrrpState OldState,
    VrrpState NewState,
    string Reason,
    int Priority,
    int EffectivePriority) : ClusterEvent;
