using System.Collections.Immutable;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>One kernel IPVS service with its destinations, as Vigil wants it or as it is programmed.</summary>
/// <param name="Key">Its identity: an endpoint (address, port, protocol) or a fwmark and family; never a group.</param>
/// <param name="Settings">Its scheduler, flags, persistence timeout and netmask.</param>
/// <param name="Destinations">Its destinations, each server once; desired ones in configuration order.</param>
internal sealed record IpvsService(VirtualServerKey Key, IpvsServiceSettings Settings, ImmutableList<IpvsDestination> Destinations)
{
    /// <summary>The destination for <paramref name="server"/>, or null.</summary>
    public IpvsDestination? Destination(RealServerKey server) => Destinations.Find(d => d.Server == server);

    /// <inheritdoc />
    public bool Equals(IpvsService? other) =>
        other is not null && Key == other.Key && Settings == other.Settings && Destinations.SequenceEqual(other.Destinations);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, Settings, Destinations.Count);
}
