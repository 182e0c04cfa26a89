using Vigil.Linux.Netlink;

namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>IPVS requests over a NETLINK_GENERIC socket, in the network namespace the socket was opened in.</summary>
internal sealed class IpvsNetlinkTransport : IIpvsTransport
{
    private readonly NetlinkSocket _socket;

    /// <summary>Takes ownership of <paramref name="socket"/>, on which <paramref name="family"/> was resolved.</summary>
    public IpvsNetlinkTransport(NetlinkSocket socket, ushort family)
    {
        _socket = socket;
        Family = family;
    }

    /// <inheritdoc />
    public ushort Family { get; }

    /// <inheritdoc />
    public int Execute(Func<uint, byte[]> request)
    {
        var sequence = _socket.NextSequence();
        return _socket.Execute(request(sequence), sequence);
    }

    /// <inheritdoc />
    public IReadOnlyList<NetlinkMessage> Query(Func<uint, byte[]> request, string what)
    {
        var sequence = _socket.NextSequence();
        return _socket.Query(request(sequence), sequence, what, absent: 0);
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
