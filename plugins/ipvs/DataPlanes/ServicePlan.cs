using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Plugins.Ipvs.DataPlanes;

/// <summary>What one virtual service must look like in the data plane now: its definition and the servers behind it.</summary>
/// <param name="Service">The virtual server.</param>
/// <param name="Backends">
/// The servers to program, in configuration order (the order <c>rr</c> visits them). Empty: the service exists and
/// refuses new connections (no server, no sorry server).
/// </param>
public sealed record ServicePlan(VirtualServerDefinition Service, IReadOnlyList<BackendPlan> Backends)
{
    /// <inheritdoc />
    public bool Equals(ServicePlan? other) =>
        other is not null && Service.Equals(other.Service) && Backends.SequenceEqual(other.Backends);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Service, Backends.Count);
}
