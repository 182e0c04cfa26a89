using System.Runtime.InteropServices;

namespace Vigil.Linux.Threading;

/// <summary>
/// One thread's wait for "a descriptor became readable, another thread woke me, or the timeout passed": ppoll(2) over
/// the descriptors plus an eventfd, with a nanosecond timeout. It replaces receive threads polling with short timeouts:
/// an idle waiter makes no system call at all until something happens.
/// </summary>
public sealed unsafe partial class ReadinessWaiter : IDisposable
{
    private const int EFD_NONBLOCK = 0x800;
    private const int EFD_CLOEXEC = 0x80000;
    private const short POLLIN = 0x1;
    private readonly Lock _gate = new();
    private int _eventFd;

    /// <summary>Creates the eventfd; throws <see cref="OsException"/> when the system refuses.</summary>
    public ReadinessWaiter()
    {
        _eventFd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (_eventFd < 0)
        {
            throw Errno.Last("eventfd");
        }
    }

    /// <summary>Wakes the waiting thread (or makes its next wait return at once). Any thread; a no-op once disposed.</summary>
    public void Wake()
    {
        ulong one = 1;
        lock (_gate)
        {
            if (_eventFd >= 0)
            {
                _ = write(_eventFd, &one, sizeof(ulong));
            }
        }
    }

    /// <summary>
    /// Waits until one of <paramref name="handles"/> (negative entries are skipped) is readable, <see cref="Wake"/> is
    /// called, or <paramref name="timeoutNs"/> passes (negative: no timeout). Sets <paramref name="ready"/>[i] for each
    /// readable handle and returns true when woken. A signal interrupting the wait returns as a timeout would.
    /// </summary>
    public bool Wait(ReadOnlySpan<nint> handles, Span<bool> ready, long timeoutNs)
    {
        var count = handles.Length + 1;
        var fds = stackalloc PollFd[count];
        fds[0] = new PollFd { Fd = _eventFd, Events = POLLIN };
        for (var i = 0; i < handles.Length; i++)
        {
            fds[i + 1] = new PollFd { Fd = (int)handles[i], Events = handles[i] >= 0 ? POLLIN : (short)0 };
            ready[i] = false;
        }

        var timeout = new TimeSpec { Seconds = timeoutNs / 1_000_000_000, Nanoseconds = timeoutNs % 1_000_000_000 };
        var result = ppoll(fds, (nuint)count, timeoutNs < 0 ? null : &timeout, null);
        if (result < 0)
        {
            var error = Errno.Last("ppoll");
            return error.ErrorCode == Errno.EINTR ? false : throw error;
        }

        for (var i = 0; i < handles.Length; i++)
        {
            ready[i] = handles[i] >= 0 && fds[i + 1].Returned != 0;
        }

        if ((fds[0].Returned & POLLIN) == 0)
        {
            return false;
        }

        ulong value;
        _ = read(_eventFd, &value, sizeof(ulong));
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_eventFd >= 0)
            {
                _ = close(_eventFd);
                _eventFd = -1;
            }
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int eventfd(uint initial, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ppoll(PollFd* fds, nuint count, TimeSpec* timeout, void* signals);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int fd, void* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint write(int fd, void* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Returned;
    }

    /// <summary>struct timespec (64-bit Linux).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
