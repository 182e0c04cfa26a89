using System.Net;
using System.Net.Sockets;
using Vigil.Linux.Sockets;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>
/// recvmsg(2) for IPv6 raw sockets: <see cref="Socket.ReceiveMessageFrom(byte[], int, int, ref SocketFlags, ref EndPoint, out IPPacketInformation)"/>
/// has no hop limit, and VRRP must drop packets whose hop limit is not 255.
/// </summary>
internal static class Ipv6Receiver
{
    private const int ControlSize = 128;

    internal static VrrpDatagram? Receive(Socket socket, int maxPacket, int protocol)
    {
        var buffer = new byte[maxPacket];
        var name = new byte[SockAddr.In6Size];
        var control = new byte[ControlSize];
        var read = NativeSocket.ReceiveMessage(socket, buffer, name, control, out var nameLength, out var controlLength);
        if (read < 0)
        {
            return null;
        }

        var source = SockAddr.ReadInet(name.AsSpan(0, nameLength));
        var (destination, _, hopLimit) = ControlMessages.ParseIpv6(control.AsSpan(0, controlLength));
        if (source is null)
        {
            return null;
        }

        return new VrrpDatagram(
            source,
            destination ?? IPAddress.IPv6None,
            hopLimit ?? -1,
            protocol,
            buffer.AsMemory(0, read),
            ReadOnlyMemory<byte>.Empty);
    }
}
