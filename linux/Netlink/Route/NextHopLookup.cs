using System.Net;
using System.Net.Sockets;
using Vigil.Linux.Sockets;

namespace Vigil.Linux.Netlink.Route;

/// <summary>
/// How a directly connected host is reached: the interface, that interface's MAC and the host's MAC from the neighbour
/// table, asking the kernel to resolve it (one datagram to the discard port) when it is not known yet. Its sockets are
/// opened in the creating thread's namespace and stay there.
/// </summary>
public sealed class NextHopLookup : IDisposable
{
    private readonly NetlinkSocket _route = NetlinkSocket.Open(LinuxConstants.NETLINK_ROUTE);
    private readonly NetlinkClient _links = NetlinkClient.Open();
    private readonly Socket _probe4 = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Lock _gate = new();

    /// <summary>The way to <paramref name="host"/>, or why there is none (routed through a gateway, unresolved).</summary>
    public (NextHop? Hop, string? Error) Resolve(IPAddress host, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(host);
        lock (_gate)
        {
            var sequence = _route.NextSequence();
            var route = _route.Query(NextHopMessages.GetRoute(sequence, host), sequence, $"route to {host}", Errno.ENETUNREACH)
                .Select(NextHopMessages.DecodeRoute).FirstOrDefault(r => r is not null);
            if (route is not { } found)
            {
                return (null, $"no route to {host}");
            }

            if (found.Gateway is not null)
            {
                return (null, $"{host} is reached through the gateway {found.Gateway}, not directly");
            }

            if (_links.GetLink(found.Interface) is not { } link)
            {
                return (null, $"interface {found.Interface} towards {host} is gone");
            }

            var deadline = DateTime.UtcNow + wait;
            var probed = false;
            while (true)
            {
                if (Neighbour(found.Interface, host) is { } mac)
                {
                    return (new NextHop(link.Name, link.Index, link.Mac, mac), null);
                }

                if (DateTime.UtcNow >= deadline)
                {
                    return (null, $"{host} does not answer ARP on {link.Name}");
                }

                if (!probed && host.AddressFamily == AddressFamily.InterNetwork)
                {
                    // Any datagram makes the kernel resolve the neighbour; the discard port wants nothing back.
                    _probe4.SendTo([0], new IPEndPoint(host, 9));
                    probed = true;
                }

                Thread.Sleep(20);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _route.Dispose();
        _links.Dispose();
        _probe4.Dispose();
    }

    private byte[]? Neighbour(int index, IPAddress host)
    {
        var sequence = _route.NextSequence();
        return _route.Query(NextHopMessages.DumpNeighbours(sequence, host.AddressFamily), sequence, "neighbour dump", Errno.ENOENT)
            .Select(NextHopMessages.DecodeNeighbour)
            .FirstOrDefault(n => n is { } e && e.Interface == index && e.Address.Equals(host))?.Mac;
    }
}
