using System.Buffers.Binary;
using System.Net.Sockets;
using Vigil.Linux.Sockets;

namespace Vigil.Linux.Packet;

/// <summary>
/// An AF_PACKET socket bound to one interface and one ethertype: sends a frame to a MAC address and receives the
/// frames of that ethertype, with no IP address needed on either side (DHCP replies to a client that has none yet).
/// Belongs to the network namespace of the thread that opened it; afterwards any one thread at a time may use it.
/// </summary>
public sealed class PacketSocket : IDisposable
{
    private const int MacLength = 6;
    private readonly Socket _socket;

    private PacketSocket(Socket socket, int interfaceIndex, ushort etherType, PacketSocketMode mode)
    {
        _socket = socket;
        InterfaceIndex = interfaceIndex;
        EtherType = etherType;
        Mode = mode;
    }

    /// <summary>The interface frames leave and arrive on.</summary>
    public int InterfaceIndex { get; }

    /// <summary>The ethertype sent and received.</summary>
    public ushort EtherType { get; }

    /// <summary>Whether data includes the Ethernet header.</summary>
    public PacketSocketMode Mode { get; }

    /// <summary>The descriptor, to wait on with <see cref="Threading.ReadinessWaiter"/> before a zero-timeout receive.</summary>
    public nint Handle => _socket.Handle;

    /// <summary>Opens and binds the socket; throws <see cref="OsException"/> naming the failing call.</summary>
    public static PacketSocket Open(int interfaceIndex, ushort etherType, PacketSocketMode mode = PacketSocketMode.Datagram)
    {
        // Protocol 0 receives nothing until bind names the ethertype and interface, so no frame of another
        // interface is queued in between.
        var type = mode == PacketSocketMode.Raw ? LinuxConstants.SOCK_RAW : LinuxConstants.SOCK_DGRAM;
        var socket = NativeSocket.Open(LinuxConstants.AF_PACKET, type, 0);
        try
        {
            NativeSocket.Bind(socket, SockAddr.LinkLayer(interfaceIndex, etherType, []), $"packet socket on interface {interfaceIndex}");
            return new PacketSocket(socket, interfaceIndex, etherType, mode);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends <paramref name="data"/> to <paramref name="destinationMac"/>. In <see cref="PacketSocketMode.Raw"/> mode data
    /// is the whole frame and its own header decides where it goes.
    /// </summary>
    public void Send(ReadOnlySpan<byte> data, ReadOnlySpan<byte> destinationMac)
    {
        if (destinationMac.Length != MacLength)
        {
            throw new ArgumentException("an Ethernet MAC has 6 bytes", nameof(destinationMac));
        }

        NativeSocket.SendTo(_socket, data, SockAddr.LinkLayer(InterfaceIndex, EtherType, destinationMac), Convert.ToHexStringLower(destinationMac));
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for a frame and copies it into <paramref name="buffer"/>; false on timeout.
    /// </summary>
    public bool TryReceive(Span<byte> buffer, TimeSpan timeout, out PacketFrame? frame)
    {
        frame = null;
        if (!_socket.Poll(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, SelectMode.SelectRead))
        {
            return false;
        }

        Span<byte> sockaddr = stackalloc byte[SockAddr.LinkLayerSize];
        var read = NativeSocket.ReceiveFrom(_socket, buffer, sockaddr, out var length);
        if (read < 0 || length < 12)
        {
            return false;
        }

        // struct sockaddr_ll: family, protocol (network order), ifindex, hatype, pkttype, halen, addr[8].
        var macLength = Math.Min((int)sockaddr[11], length - 12);
        frame = new PacketFrame(
            read,
            sockaddr.Slice(12, macLength).ToArray(),
            BinaryPrimitives.ReadUInt16BigEndian(sockaddr.Slice(2)),
            (PacketType)sockaddr[10],
            BinaryPrimitives.ReadInt32LittleEndian(sockaddr.Slice(4)));
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
