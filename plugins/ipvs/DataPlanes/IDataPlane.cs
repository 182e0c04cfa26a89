using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Plugins.Ipvs.DataPlanes;

/// <summary>
/// Something that forwards virtual services' traffic: nftables, kernel IPVS or the user-space forwarder. The control
/// plane tells it the whole desired state; the plane works out the difference from what it has programmed and applies
/// it in one step, so that connections to servers still healthy survive every change.
/// </summary>
public interface IDataPlane : IAsyncDisposable
{
    /// <summary>Its name as <c>data_plane</c> spells it: <c>nftables</c>, <c>ipvs</c>, <c>userspace</c>.</summary>
    string Name { get; }

    /// <summary>Why this plane cannot run <paramref name="service"/> (a forwarding method or scheduler it lacks), or null when it can.</summary>
    string? Unsupported(VirtualServerDefinition service);

    /// <summary>
    /// Makes the programmed services exactly <paramref name="desired"/>: adds what is new, rewrites only what changed,
    /// removes what is gone, atomically. Throws <see cref="DataPlaneException"/> when the system refused the change,
    /// leaving what was programmed before in place.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<ServicePlan> desired, CancellationToken cancellationToken);

    /// <summary>The current counters of every programmed server.</summary>
    Task<IReadOnlyList<BackendCounters>> ReadCountersAsync(CancellationToken cancellationToken);
}
