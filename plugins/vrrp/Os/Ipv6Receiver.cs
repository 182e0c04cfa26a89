using System.Net;
using System.Net.Sockets;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>
/// recvmsg(2) for IPv6 raw sockets: <see cref="Socket.ReceiveMessageFrom(byte[], int, int, ref SocketFlags, ref EndPoint, out IPPacketInformation)"/>
/// has no hop limit, and VRRP must drop packets whose hop limit is not 255.
/// </summary>
internal static unsafe class Ipv6Receiver
{
    private const int MSG_DONTWAIT = 0x40;
    private const int ControlSize = 128;

    internal static VrrpDatagram? Receive(Socket socket, int maxPacket, int protocol)
    {
        var buffer = new byte[maxPacket];
        var name = new byte[SockAddr.In6Size];
        var control = new byte[ControlSize];
        nint read;
        Libc.MsgHdr message;
        fixed (byte* b = buffer)
        fixed (byte* n = name)
        fixed (byte* c = control)
        {
            var iov = new Libc.IoVec { Base = b, Length = (nuint)buffer.Length };
            message = new Libc.MsgHdr
            {
                Name = n,
                NameLength = (uint)name.Length,
                Iov = &iov,
                IovLength = 1,
                Control = c,
                ControlLength = (nuint)control.Length,
            };
            read = Libc.recvmsg(socket.Handle, &message, MSG_DONTWAIT);
        }

        if (read < 0)
        {
            var error = Errno.Last("recvmsg");
            return error.ErrorCode is Errno.EAGAIN or Errno.EINTR ? null : throw error;
        }

        var source = SockAddr.ReadInet(name.AsSpan(0, (int)message.NameLength));
        var (destination, _, hopLimit) = ControlMessages.ParseIpv6(control.AsSpan(0, (int)message.ControlLength));
        if (source is null)
        {
            return null;
        }

        return new VrrpDatagram(
            source,
            destination ?? IPAddress.IPv6None,
            hopLimit ?? -1,
            protocol,
            buffer.AsMemory(0, (int)read),
            ReadOnlyMemory<byte>.Empty);
    }
}
