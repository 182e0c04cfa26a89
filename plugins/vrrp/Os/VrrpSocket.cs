using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Vigil.Linux;
using Vigil.Linux.Sockets;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>
/// Raw VRRP sockets for one instance on one interface: a send socket (TTL/hop limit 255, no multicast loop, optional
/// bound source) and a receive socket (joined to the group, bound to the device). Open it on a thread that is in the
/// right network namespace; afterwards any thread may use it.
/// </summary>
internal sealed class VrrpSocket : IVrrpSocket
{
    private const int MaxPacket = 2048;
    private readonly Socket _send;
    private readonly Socket _receive;
    private readonly int _protocol;
    private readonly Socket? _rawIpv4;
    private readonly ConcurrentDictionary<IPAddress, byte[]> _sockAddrs = new();

    private VrrpSocket(VrrpSocketOptions options, int index, Socket send, Socket receive, Socket? rawIpv4)
    {
        Family = options.Family;
        Group = options.Group;
        InterfaceIndex = index;
        _send = send;
        _receive = receive;
        _rawIpv4 = rawIpv4;
        _receive.Blocking = false;
        _protocol = VrrpSocketSetup.Protocol(options);
    }

    /// <inheritdoc />
    public AddressFamily Family { get; }

    /// <inheritdoc />
    public int InterfaceIndex { get; }

    /// <inheritdoc />
    public IPAddress Group { get; }

    /// <summary>Opens and configures both sockets; throws <see cref="OsException"/> naming the failing call.</summary>
    public static VrrpSocket Open(VrrpSocketOptions options)
    {
        if (options.Family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentException($"unsupported address family {options.Family}", nameof(options));
        }

        var index = NativeSocket.InterfaceIndex(options.InterfaceName);
        Socket? send = null;
        Socket? receive = null;
        Socket? raw = null;
        try
        {
            send = options.Family == AddressFamily.InterNetwork
                ? VrrpSocketSetup.OpenSendV4(options, index)
                : VrrpSocketSetup.OpenSendV6(options, index);
            receive = options.Family == AddressFamily.InterNetwork
                ? VrrpSocketSetup.OpenReceiveV4(options, index)
                : VrrpSocketSetup.OpenReceiveV6(options, index);
            if (options.Family == AddressFamily.InterNetwork)
            {
                raw = VrrpSocketSetup.OpenHeaderIncluded(options.InterfaceName, index);
            }

            return new VrrpSocket(options, index, send, receive, raw);
        }
        catch
        {
            send?.Dispose();
            receive?.Dispose();
            raw?.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Send(ReadOnlySpan<byte> vrrpPacket, IPAddress destination)
    {
        if (destination.AddressFamily != Family)
        {
            throw new ArgumentException($"destination {destination} is not {Family}", nameof(destination));
        }

        // A MASTER sends to the same group (or peers) every interval: build each sockaddr once, not per advert.
        var sockaddr = _sockAddrs.GetOrAdd(destination, static (address, index) => SockAddr.Inet(address, index), InterfaceIndex);
        NativeSocket.SendTo(_send, vrrpPacket, sockaddr, destination);
    }

    /// <inheritdoc />
    public void SendRawIpv4(ReadOnlySpan<byte> ipPacket)
    {
        if (!Ipv4Header.TryParse(ipPacket, out var header))
        {
            throw new ArgumentException("not an IPv4 packet", nameof(ipPacket));
        }

        if (_rawIpv4 is null)
        {
            throw new InvalidOperationException("raw IPv4 sending needs an IPv4 VRRP socket");
        }

        NativeSocket.SendTo(_rawIpv4, ipPacket, SockAddr.Inet(header.Destination), header.Destination);
    }

    /// <inheritdoc />
    public nint ReceiveHandle => _receive.Handle;

    /// <inheritdoc />
    public bool TryReceive(TimeSpan timeout, out VrrpDatagram? datagram)
    {
        datagram = null;
        if (!_receive.Poll(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, SelectMode.SelectRead))
        {
            return false;
        }

        datagram = Family == AddressFamily.InterNetwork ? ReceiveV4() : Ipv6Receiver.Receive(_receive, MaxPacket, _protocol);
        return datagram is not null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _send.Dispose();
        _receive.Dispose();
        _rawIpv4?.Dispose();
    }

    private VrrpDatagram? ReceiveV4()
    {
        var buffer = new byte[MaxPacket];
        var read = _receive.Receive(buffer, SocketFlags.None, out var error);
        if (error != SocketError.Success || !Ipv4Header.TryParse(buffer.AsSpan(0, read), out var header))
        {
            return null;
        }

        var total = Math.Min(read, BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2)));
        return new VrrpDatagram(
            header.Source,
            header.Destination,
            header.Ttl,
            header.Protocol,
            buffer.AsMemory(header.HeaderLength, Math.Max(0, total - header.HeaderLength)),
            buffer.AsMemory(0, header.HeaderLength));
    }
}
