using System.Runtime.InteropServices;

namespace Vigil.Linux.Interop;

/// <summary>The few libc calls .NET does not expose: raw IP, packet and netlink sockets, socket addresses, ancillary data.</summary>
internal static unsafe partial class Libc
{
    private const string Lib = "libc";

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int socket(int domain, int type, int protocol);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int setsockopt(nint fd, int level, int name, void* value, uint length);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial int bind(nint fd, void* address, uint length);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial nint sendto(nint fd, void* buffer, nuint length, int flags, void* address, uint addressLength);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial nint recvfrom(nint fd, void* buffer, nuint length, int flags, void* address, uint* addressLength);

    [LibraryImport(Lib, SetLastError = true)]
    internal static partial nint recvmsg(nint fd, MsgHdr* message, int flags);

    [LibraryImport(Lib, SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial uint if_nametoindex(string name);

    /// <summary>struct msghdr (64-bit Linux layout).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    /// <summary>struct iovec.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct IoVec
    {
        public void* Base;
        public nuint Length;
    }
}
