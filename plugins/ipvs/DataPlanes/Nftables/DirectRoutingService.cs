using Vigil.Linux.Netlink.Route;
using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Plugins.Ipvs.DataPlanes.Nftables;

/// <summary>One backend of a direct-routing service: its id, weight and how frames reach it.</summary>
/// <param name="Id">Its stable id.</param>
/// <param name="Plan">What the control plane asked for.</param>
/// <param name="Hop">The interface and MACs the rewritten frame uses.</param>
internal sealed record DirectRoutingBackend(uint Id, BackendPlan Plan, NextHop Hop)
{
    /// <inheritdoc />
    public bool Equals(DirectRoutingBackend? other) =>
        other is not null && Id == other.Id && Plan.Equals(other.Plan) && Hop.Interface == other.Hop.Interface
        && Hop.InterfaceMac.AsSpan().SequenceEqual(other.Hop.InterfaceMac) && Hop.HostMac.AsSpan().SequenceEqual(other.Hop.HostMac);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Plan, Hop.Interface);
}

/// <summary>
/// A service forwarded by MAC rewrite in netdev ingress (LVS-DR as nftlb does it): its live backends and the owner of
/// each of the 256 hash buckets. No conntrack sees these packets, so every packet of a flow must hash alike: the hash
/// is over the client address and port (address only for sh and persistence, destination for dh).
/// </summary>
/// <param name="Service">The virtual server.</param>
/// <param name="Backends">Live backends (weight above 0), in order.</param>
/// <param name="Buckets">The backend id owning each bucket.</param>
internal sealed record DirectRoutingService(VirtualServerDefinition Service, IReadOnlyList<DirectRoutingBackend> Backends, IReadOnlyList<long> Buckets)
{
    /// <inheritdoc />
    public bool Equals(DirectRoutingService? other) =>
        other is not null && Service.Equals(other.Service) && Backends.SequenceEqual(other.Backends) && Buckets.SequenceEqual(other.Buckets);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Service, Backends.Count);
}
