using Vigil.Linux.Netlink;

namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>
/// Carries requests to the kernel's IPVS family and its answers back: a netlink socket in production, a simulated
/// kernel in tests. Not thread-safe: one request at a time.
/// </summary>
internal interface IIpvsTransport : IDisposable
{
    /// <summary>The IPVS family's id, the message type of every request.</summary>
    ushort Family { get; }

    /// <summary>Sends the change <paramref name="request"/> builds for a sequence number; the kernel's errno, 0 when it accepted it.</summary>
    int Execute(Func<uint, byte[]> request);

    /// <summary>Sends a get or dump and returns its answers; a refusal throws <see cref="Vigil.Linux.OsException"/> naming <paramref name="what"/>.</summary>
    IReadOnlyList<NetlinkMessage> Query(Func<uint, byte[]> request, string what);
}
