using System.Net;
using System.Net.Sockets;
using Vigil.Abstractions.VirtualServers;
using Vigil.Linux;
using Vigil.Linux.Sockets;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>Opens the socket a virtual endpoint is served on.</summary>
internal static class ListenSocket
{
    /// <summary>IP_FREEBIND (linux/in.h): bind an address this host does not hold (yet), such as a VIP before VRRP moves it here.</summary>
    private const int IP_FREEBIND = 15;

    private const int Backlog = 1024;

    /// <summary>
    /// A bound (and for TCP listening) socket for <paramref name="endpoint"/>, with SO_REUSEADDR and IP_FREEBIND; throws
    /// <see cref="DataPlaneException"/> when the system refuses.
    /// </summary>
    public static Socket Open(VirtualServerKey endpoint)
    {
        var address = endpoint.Address!;
        var tcp = endpoint.Protocol == TransportProtocol.Tcp;
        var socket = new Socket(address.AddressFamily, tcp ? SocketType.Stream : SocketType.Dgram, tcp ? ProtocolType.Tcp : ProtocolType.Udp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            NativeSocket.SetInt(socket, LinuxConstants.IPPROTO_IP, IP_FREEBIND, 1, "IP_FREEBIND");
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false;
            }

            socket.Bind(new IPEndPoint(address, endpoint.Port));
            if (tcp)
            {
                socket.Listen(Backlog);
            }

            return socket;
        }
        catch (Exception e) when (e is SocketException or OsException)
        {
            socket.Dispose();
            throw new DataPlaneException($"cannot listen on {endpoint}: {e.Message}", e);
        }
    }
}
