using System.Runtime.InteropServices;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>The libc calls the forwarder needs and .NET does not expose: splice(2), pipes, epoll and an eventfd.</summary>
internal static unsafe partial class UserspaceNative
{
    /// <summary>Move pages instead of copying where the kernel can.</summary>
    public const uint SPLICE_F_MOVE = 1;

    /// <summary>Do not block on the pipe.</summary>
    public const uint SPLICE_F_NONBLOCK = 2;

    /// <summary>More data follows (a hint for TCP corking).</summary>
    public const uint SPLICE_F_MORE = 4;

    /// <summary>Non-blocking descriptor.</summary>
    public const int O_NONBLOCK = 0x800;

    /// <summary>Close on exec.</summary>
    public const int O_CLOEXEC = 0x80000;

    /// <summary>Readable.</summary>
    public const uint EPOLLIN = 0x1;

    /// <summary>Writable.</summary>
    public const uint EPOLLOUT = 0x4;

    /// <summary>Error.</summary>
    public const uint EPOLLERR = 0x8;

    /// <summary>Hang-up.</summary>
    public const uint EPOLLHUP = 0x10;

    /// <summary>The peer shut down its writing side.</summary>
    public const uint EPOLLRDHUP = 0x2000;

    /// <summary>Edge-triggered.</summary>
    public const uint EPOLLET = 1u << 31;

    /// <summary>Add a descriptor.</summary>
    public const int EPOLL_CTL_ADD = 1;

    /// <summary>Remove a descriptor.</summary>
    public const int EPOLL_CTL_DEL = 2;

    /// <summary>The descriptor type does not support the call.</summary>
    public const int ENOSYS = 38;

    /// <summary>Operation not supported.</summary>
    public const int EOPNOTSUPP = 95;

    /// <summary>splice(2) without offsets, moving pages and never blocking on the pipe.</summary>
    public static nint Splice(int from, int to, nint length) =>
        splice(from, null, to, null, (nuint)length, SPLICE_F_MOVE | SPLICE_F_NONBLOCK);

    /// <summary>pipe2(2), both ends non-blocking and close-on-exec; false when refused (errno is set).</summary>
    public static bool Pipe(out int read, out int write)
    {
        var fds = stackalloc int[2];
        var ok = pipe2(fds, O_NONBLOCK | O_CLOEXEC) == 0;
        (read, write) = (fds[0], fds[1]);
        return ok;
    }

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint splice(int fdIn, long* offIn, int fdOut, long* offOut, nuint length, uint flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int pipe2(int* fds, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int epoll_ctl(int epfd, int op, int fd, byte* ev);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int epoll_wait(int epfd, byte* events, int maxEvents, int timeout);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int eventfd(uint initial, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint read(int fd, void* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint write(int fd, void* buffer, nuint count);
}
