using System.Net.Sockets;
using System.Text;
using Vigil.Linux.Interop;

namespace Vigil.Linux.Sockets;

/// <summary>
/// Opens sockets .NET refuses to create (raw IP protocol 112, netlink) with socket(2) and wraps the descriptor,
/// and sets the options, sends and receives the managed API has no name for.
/// </summary>
public static unsafe class NativeSocket
{
    private const int MSG_DONTWAIT = 0x40;

    /// <summary>Creates a socket with socket(2) and hands its descriptor to a managed <see cref="Socket"/>.</summary>
    public static Socket Open(int domain, int type, int protocol)
    {
        var fd = Libc.socket(domain, type | LinuxConstants.SOCK_CLOEXEC, protocol);
        if (fd < 0)
        {
            throw Errno.Last($"socket({domain}, {type}, {protocol})");
        }

        try
        {
            return new Socket(new SafeSocketHandle(fd, ownsHandle: true));
        }
        catch
        {
            using var orphan = new SafeSocketHandle(fd, ownsHandle: true);
            throw;
        }
    }

    /// <summary>setsockopt(2) with an int value; <paramref name="what"/> names the option in the error.</summary>
    public static void SetInt(Socket socket, int level, int name, int value, string what) =>
        SetBytes(socket, level, name, new ReadOnlySpan<byte>(&value, sizeof(int)), what);

    /// <summary>setsockopt(2) with a structure given as bytes; <paramref name="what"/> names the option in the error.</summary>
    public static void SetBytes(Socket socket, int level, int name, ReadOnlySpan<byte> value, string what)
    {
        fixed (byte* p = value)
        {
            if (Libc.setsockopt(socket.Handle, level, name, p, (uint)value.Length) != 0)
            {
                throw Errno.Last($"setsockopt({what})");
            }
        }
    }

    /// <summary>SO_BINDTODEVICE: only this interface's packets reach the socket and sends leave through it.</summary>
    public static void BindToDevice(Socket socket, string interfaceName)
    {
        var name = Encoding.ASCII.GetBytes(interfaceName + "\0");
        SetBytes(socket, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_BINDTODEVICE, name, $"SO_BINDTODEVICE {interfaceName}");
    }

    /// <summary>bind(2) to a socket address built by <see cref="SockAddr"/>.</summary>
    public static void Bind(Socket socket, ReadOnlySpan<byte> sockaddr, string what)
    {
        fixed (byte* p = sockaddr)
        {
            if (Libc.bind(socket.Handle, p, (uint)sockaddr.Length) != 0)
            {
                throw Errno.Last($"bind({what})");
            }
        }
    }

    /// <summary>sendto(2); <paramref name="what"/> names the destination in the error and is formatted only then.</summary>
    public static void SendTo(Socket socket, ReadOnlySpan<byte> data, ReadOnlySpan<byte> sockaddr, object what)
    {
        fixed (byte* d = data)
        fixed (byte* a = sockaddr)
        {
            if (Libc.sendto(socket.Handle, d, (nuint)data.Length, 0, a, (uint)sockaddr.Length) < 0)
            {
                throw Errno.Last($"sendto({what})");
            }
        }
    }

    /// <summary>
    /// recvfrom(2) without waiting: the bytes read into <paramref name="buffer"/> (a longer datagram is cut to its size)
    /// and the sender's address in <paramref name="sockaddr"/>, or -1 when nothing is queued or a signal interrupted the
    /// call. Other failures throw <see cref="OsException"/>.
    /// </summary>
    public static int ReceiveFrom(Socket socket, Span<byte> buffer, Span<byte> sockaddr, out int sockaddrLength)
    {
        nint read;
        var length = (uint)sockaddr.Length;
        fixed (byte* b = buffer)
        fixed (byte* a = sockaddr)
        {
            read = Libc.recvfrom(socket.Handle, b, (nuint)buffer.Length, MSG_DONTWAIT, a, &length);
        }

        sockaddrLength = (int)Math.Min(length, (uint)sockaddr.Length);
        return read >= 0 ? (int)read : WouldBlock("recvfrom");
    }

    /// <summary>
    /// recvmsg(2) without waiting, with the sender's address in <paramref name="name"/> and the ancillary data in
    /// <paramref name="control"/> (see <see cref="ControlMessages"/>): the bytes read, or -1 when nothing is queued or a
    /// signal interrupted the call. Other failures throw <see cref="OsException"/>.
    /// </summary>
    public static int ReceiveMessage(Socket socket, Span<byte> buffer, Span<byte> name, Span<byte> control, out int nameLength, out int controlLength)
    {
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

        nameLength = (int)message.NameLength;
        controlLength = (int)message.ControlLength;
        return read >= 0 ? (int)read : WouldBlock("recvmsg");
    }

    /// <summary>if_nametoindex(3) in the calling thread's network namespace.</summary>
    public static int InterfaceIndex(string interfaceName)
    {
        var index = Libc.if_nametoindex(interfaceName);
        if (index == 0)
        {
            throw Errno.Last($"if_nametoindex({interfaceName})");
        }

        return (int)index;
    }

    private static int WouldBlock(string call)
    {
        var error = Errno.Last(call);
        return error.ErrorCode is Errno.EAGAIN or Errno.EINTR ? -1 : throw error;
    }
}
