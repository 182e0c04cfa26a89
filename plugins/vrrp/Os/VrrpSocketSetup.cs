using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Vigil.Linux.Sockets;
using Vigil.Plugins.Vrrp.Protocol;
using static Vigil.Linux.Sockets.LinuxConstants;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>The socket options RFC 5798 asks for, per family and direction.</summary>
internal static class VrrpSocketSetup
{
    private const int HopLimit = 255;

    internal static Socket OpenSendV4(VrrpSocketOptions options, int index)
    {
        var socket = NativeSocket.Open(AF_INET, SOCK_RAW, Protocol(options));
        try
        {
            NativeSocket.BindToDevice(socket, options.InterfaceName);
            NativeSocket.SetInt(socket, IPPROTO_IP, IP_TTL, HopLimit, "IP_TTL");
            NativeSocket.SetInt(socket, IPPROTO_IP, IP_MULTICAST_TTL, HopLimit, "IP_MULTICAST_TTL");
            NativeSocket.SetInt(socket, IPPROTO_IP, IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP");
            NativeSocket.SetBytes(socket, IPPROTO_IP, IP_MULTICAST_IF, MreqN(IPAddress.Any, index), "IP_MULTICAST_IF");
            if (options.SourceAddress is { } source)
            {
                NativeSocket.Bind(socket, SockAddr.Inet(source), source.ToString());
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    internal static Socket OpenReceiveV4(VrrpSocketOptions options, int index)
    {
        var socket = NativeSocket.Open(AF_INET, SOCK_RAW, Protocol(options));
        try
        {
            NativeSocket.BindToDevice(socket, options.InterfaceName);
            if (!options.Unicast)
            {
                NativeSocket.SetBytes(socket, IPPROTO_IP, IP_ADD_MEMBERSHIP, MreqN(options.Group, index), $"IP_ADD_MEMBERSHIP {options.Group}");
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    internal static Socket OpenSendV6(VrrpSocketOptions options, int index)
    {
        var socket = NativeSocket.Open(AF_INET6, SOCK_RAW, Protocol(options));
        try
        {
            NativeSocket.BindToDevice(socket, options.InterfaceName);
            NativeSocket.SetInt(socket, IPPROTO_IPV6, IPV6_UNICAST_HOPS, HopLimit, "IPV6_UNICAST_HOPS");
            NativeSocket.SetInt(socket, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, HopLimit, "IPV6_MULTICAST_HOPS");
            NativeSocket.SetInt(socket, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
            NativeSocket.SetInt(socket, IPPROTO_IPV6, IPV6_MULTICAST_IF, index, "IPV6_MULTICAST_IF");
            SetChecksum(socket, options);
            if (options.SourceAddress is { } source)
            {
                NativeSocket.Bind(socket, SockAddr.Inet(source, index), source.ToString());
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    internal static Socket OpenReceiveV6(VrrpSocketOptions options, int index)
    {
        var socket = NativeSocket.Open(AF_INET6, SOCK_RAW, Protocol(options));
        try
        {
            NativeSocket.BindToDevice(socket, options.InterfaceName);
            NativeSocket.SetInt(socket, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
            NativeSocket.SetInt(socket, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
            SetChecksum(socket, options);
            if (!options.Unicast)
            {
                var mreq = new byte[20];
                options.Group.TryWriteBytes(mreq, out _);
                BinaryPrimitives.WriteInt32LittleEndian(mreq.AsSpan(16), index);
                NativeSocket.SetBytes(socket, IPPROTO_IPV6, IPV6_ADD_MEMBERSHIP, mreq, $"IPV6_ADD_MEMBERSHIP {options.Group}");
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>An IPPROTO_RAW socket implies IP_HDRINCL: the caller supplies the whole IPv4 header.</summary>
    internal static Socket OpenHeaderIncluded(string interfaceName, int index)
    {
        var socket = NativeSocket.Open(AF_INET, SOCK_RAW, IPPROTO_RAW);
        try
        {
            NativeSocket.SetInt(socket, IPPROTO_IP, IP_HDRINCL, 1, "IP_HDRINCL");
            NativeSocket.BindToDevice(socket, interfaceName);
            NativeSocket.SetBytes(socket, IPPROTO_IP, IP_MULTICAST_IF, MreqN(IPAddress.Any, index), "IP_MULTICAST_IF");
            NativeSocket.SetInt(socket, IPPROTO_IP, IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP");
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>struct ip_mreqn: group, local address (any), interface index.</summary>
    internal static byte[] MreqN(IPAddress group, int index)
    {
        var mreq = new byte[12];
        group.TryWriteBytes(mreq, out _);
        BinaryPrimitives.WriteInt32LittleEndian(mreq.AsSpan(8), index);
        return mreq;
    }

    /// <summary>The IP protocol the sockets carry: AH (51) with AH authentication, else VRRP (112).</summary>
    internal static int Protocol(VrrpSocketOptions options) => options.AuthenticationHeader ? 51 : InternetChecksum.VrrpProtocol;

    private static void SetChecksum(Socket socket, VrrpSocketOptions options)
    {
        if (options.KernelChecksumV6 && !options.AuthenticationHeader)
        {
            NativeSocket.SetInt(socket, IPPROTO_IPV6, IPV6_CHECKSUM, 6, "IPV6_CHECKSUM");
        }
    }
}
