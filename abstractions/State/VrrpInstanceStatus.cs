using System.Net;
using Vigil.Abstractions.Events;

namespace Vigil.Abstractions.State;

/// <summary>Where one VRRP instance is now.</summary>
/// <param name="Instance">The <c>vrrp_instance</c> name.</param>
/// <param name="Interface">The interface it runs on.</param>
/// <param name="VirtualRouterId">Its VRID.</param>
/// <param name="State">Its state.</param>
/// <param name="Priority">The configured priority.</param>
/// <param name="EffectivePriority">The priority after tracking weights.</param>
public sealed record VrrpInstanceStatus(
    string Instance,
    string Interface,
    int VirtualRouterId,
    VrrpState State,
    int Priority,
    int EffectivePriority)
{
    /// <summary>The instance's virtual addresses (<c>virtual_ipaddress</c>), held on this node while it is MASTER.</summary>
    public IReadOnlyList<IPAddress> VirtualAddresses { get; init; } = [];

    /// <inheritdoc />
    public bool Equals(VrrpInstanceStatus? other) =>
        other is not null
        && Instance == other.Instance
        && Interface == other.Interface
        && VirtualRouterId == other.VirtualRouterId
        && State == other.State
        && Priority == other.Priority
        && EffectivePriority == other.EffectivePriority
        && VirtualAddresses.SequenceEqual(other.VirtualAddresses);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Instance, State, EffectivePriority, VirtualAddresses.Count);
}
