using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Vigil.Linux;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>
/// One thread waiting in epoll_wait(2) for every relayed socket of the plane, waking the relays' awaits: readiness for
/// splice(2) without a thread per connection. Registrations are edge-triggered and keyed by a number, never a pointer,
/// so an event for a descriptor already removed finds nothing and is dropped.
/// </summary>
internal sealed unsafe class EpollReactor : IDisposable
{
    private const int MaxEvents = 256;
    private const ulong WakeKey = 0;

    // struct epoll_event is packed on x86-64 (4-byte data offset) and naturally aligned elsewhere.
    private static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    private static readonly int DataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    private readonly ConcurrentDictionary<ulong, Registration> _registrations = new();
    private readonly int _epoll;
    private readonly int _wake;
    private readonly Thread _thread;
    private long _nextKey;
    private volatile bool _stopping;

    /// <summary>Creates the epoll instance and starts its thread; throws <see cref="OsException"/> when refused.</summary>
    public EpollReactor()
    {
        _epoll = UserspaceNative.epoll_create1(UserspaceNative.O_CLOEXEC);
        if (_epoll < 0)
        {
            throw Errno.Last("epoll_create1");
        }

        _wake = UserspaceNative.eventfd(0, UserspaceNative.O_NONBLOCK | UserspaceNative.O_CLOEXEC);
        if (_wake < 0)
        {
            var error = Errno.Last("eventfd");
            UserspaceNative.close(_epoll);
            throw error;
        }

        Control(UserspaceNative.EPOLL_CTL_ADD, _wake, UserspaceNative.EPOLLIN, WakeKey);
        _thread = new Thread(Run) { IsBackground = true, Name = "vigil-userspace-epoll" };
        _thread.Start();
    }

    /// <summary>Watches <paramref name="fd"/> for readability and writability until the registration is disposed.</summary>
    public Registration Register(int fd)
    {
        var key = (ulong)Interlocked.Increment(ref _nextKey);
        var registration = new Registration(this, fd, key);
        _registrations[key] = registration;
        const uint events = UserspaceNative.EPOLLIN | UserspaceNative.EPOLLOUT | UserspaceNative.EPOLLRDHUP | UserspaceNative.EPOLLET;
        if (!Control(UserspaceNative.EPOLL_CTL_ADD, fd, events, key))
        {
            _registrations.TryRemove(key, out _);
            throw Errno.Last("epoll_ctl(ADD)");
        }

        return registration;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping = true;
        ulong one = 1;
        UserspaceNative.write(_wake, &one, sizeof(ulong));
        _thread.Join();
        UserspaceNative.close(_wake);
        UserspaceNative.close(_epoll);
        foreach (var registration in _registrations.Values)
        {
            registration.Readable.Set();
            registration.Writable.Set();
        }
    }

    private bool Control(int op, int fd, uint events, ulong key)
    {
        var ev = stackalloc byte[16];
        *(uint*)ev = events;
        *(ulong*)(ev + DataOffset) = key;
        return UserspaceNative.epoll_ctl(_epoll, op, fd, ev) == 0;
    }

    private void Run()
    {
        var buffer = stackalloc byte[MaxEvents * 16];
        while (!_stopping)
        {
            var count = UserspaceNative.epoll_wait(_epoll, buffer, MaxEvents, -1);
            for (var i = 0; i < count; i++)
            {
                var ev = buffer + (i * EventSize);
                var events = *(uint*)ev;
                var key = *(ulong*)(ev + DataOffset);
                if (key == WakeKey || !_registrations.TryGetValue(key, out var registration))
                {
                    continue;
                }

                const uint failure = UserspaceNative.EPOLLERR | UserspaceNative.EPOLLHUP;
                if ((events & (UserspaceNative.EPOLLIN | UserspaceNative.EPOLLRDHUP | failure)) != 0)
                {
                    registration.Readable.Set();
                }

                if ((events & (UserspaceNative.EPOLLOUT | failure)) != 0)
                {
                    registration.Writable.Set();
                }
            }
        }
    }

    /// <summary>One watched descriptor; disposing it stops the watch before the descriptor is closed.</summary>
    internal sealed class Registration(EpollReactor reactor, int fd, ulong key) : IDisposable
    {
        /// <summary>The descriptor.</summary>
        public int Fd { get; } = fd;

        /// <summary>Signalled when it may have become readable (or failed).</summary>
        public ReadinessSignal Readable { get; } = new();

        /// <summary>Signalled when it may have become writable (or failed).</summary>
        public ReadinessSignal Writable { get; } = new();

        /// <inheritdoc />
        public void Dispose()
        {
            if (reactor._registrations.TryRemove(key, out _) && !reactor._stopping)
            {
                reactor.Control(UserspaceNative.EPOLL_CTL_DEL, Fd, 0, key);
            }
        }
    }
}
