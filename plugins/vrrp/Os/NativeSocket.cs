using System.Net.Sockets;
using System.Text;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>
/// Opens sockets .NET refuses to create (raw IP protocol 112, netlink) with socket(2) and wraps the descriptor,
/// and sets the options the managed API has no name for.
/// </summary>
internal static unsafe class NativeSocket
{
    /// <summary>Creates a socket with socket(2) and hands its descriptor to a managed <see cref="Socket"/>.</summary>
    internal static Socket Open(int domain, int type, int protocol)
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

    internal static void SetInt(Socket socket, int level, int name, int value, string what) =>
        SetBytes(socket, level, name, new ReadOnlySpan<byte>(&value, sizeof(int)), what);

    internal static void SetBytes(Socket socket, int level, int name, ReadOnlySpan<byte> value, string what)
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
    internal static void BindToDevice(Socket socket, string interfaceName)
    {
        var name = Encoding.ASCII.GetBytes(interfaceName + "\0");
        SetBytes(socket, LinuxConstants.SOL_SOCKET, LinuxConstants.SO_BINDTODEVICE, name, $"SO_BINDTODEVICE {interfaceName}");
    }

    internal static void Bind(Socket socket, ReadOnlySpan<byte> sockaddr, string what)
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
    internal static void SendTo(Socket socket, ReadOnlySpan<byte> data, ReadOnlySpan<byte> sockaddr, object what)
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

    /// <summary>if_nametoindex(3) in the calling thread's network namespace.</summary>
    internal static int InterfaceIndex(string interfaceName)
    {
        var index = Libc.if_nametoindex(interfaceName);
        if (index == 0)
        {
            throw Errno.Last($"if_nametoindex({interfaceName})");
        }

        return (int)index;
    }
}
