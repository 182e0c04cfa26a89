using System.Net;
using System.Net.Sockets;
using Vigil.Linux.Sockets;
using static Vigil.Linux.Sockets.LinuxConstants;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>
/// Gratuitous ARP over an AF_PACKET socket and unsolicited NA over a raw ICMPv6 socket, both opened by
/// <see cref="Open"/> in the calling thread's network namespace.
/// </summary>
internal sealed class GratuitousSender : IGratuitousSender
{
    private static readonly IPAddress AllNodes = IPAddress.Parse("ff02::1");
    private readonly Lock _gate = new();
    private readonly Socket _packet;
    private readonly Socket _icmp;

    private GratuitousSender(Socket packet, Socket icmp)
    {
        _packet = packet;
        _icmp = icmp;
    }

    /// <summary>Opens both sockets now so they belong to the calling thread's network namespace.</summary>
    public static GratuitousSender Open()
    {
        var packet = OpenPacket();
        try
        {
            return new GratuitousSender(packet, OpenIcmp());
        }
        catch
        {
            packet.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void SendArp(int interfaceIndex, byte[] mac, IPAddress address)
    {
        var frame = GratuitousFrames.Arp(mac, address);
        lock (_gate)
        {
            NativeSocket.SendTo(_packet, frame, SockAddr.LinkLayer(interfaceIndex, ETH_P_ARP, GratuitousFrames.Broadcast), $"gratuitous ARP {address}");
        }
    }

    /// <inheritdoc />
    public void SendNeighbourAdvert(int interfaceIndex, byte[] mac, IPAddress address)
    {
        var message = GratuitousFrames.NeighbourAdvert(mac, address);
        lock (_gate)
        {
            NativeSocket.SetInt(_icmp, IPPROTO_IPV6, IPV6_MULTICAST_IF, interfaceIndex, "IPV6_MULTICAST_IF");
            NativeSocket.SendTo(_icmp, message, SockAddr.Inet(AllNodes, interfaceIndex), $"unsolicited NA {address}");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _packet.Dispose();
        _icmp.Dispose();
    }

    /// <summary>Protocol 0: a send-only packet socket receives nothing, so it never fills its buffer.</summary>
    private static Socket OpenPacket() => new(AddressFamily.Packet, SocketType.Raw, ProtocolType.Unspecified);

    private static Socket OpenIcmp()
    {
        var socket = NativeSocket.Open(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
        try
        {
            NativeSocket.SetInt(socket, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, 255, "IPV6_MULTICAST_HOPS");
            NativeSocket.SetInt(socket, IPPROTO_IPV6, IPV6_UNICAST_HOPS, 255, "IPV6_UNICAST_HOPS");
            NativeSocket.SetInt(socket, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
