using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Scheduling;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>
/// One real server behind one service in the forwarder: its live counts, which it mirrors into the
/// <see cref="SchedulerBackend"/> the scheduler sees, and its traffic counters. It outlives weight changes (a new
/// weight means a new <see cref="SchedulerBackend"/> carrying the same counts) and, for the connections still open to
/// it, its removal from the service.
/// </summary>
internal sealed class BackendState
{
    private readonly Lock _gate = new();
    private long _active;
    private long _inactive;
    private long _connections;
    private long _packetsIn;
    private long _packetsOut;
    private long _bytesIn;
    private long _bytesOut;
    private SchedulerBackend _current;

    /// <summary>Creates the state at <paramref name="weight"/> with nothing counted.</summary>
    public BackendState(RealServerKey server, int weight)
    {
        Server = server;
        _current = new SchedulerBackend(server, weight);
    }

    /// <summary>The server.</summary>
    public RealServerKey Server { get; }

    /// <summary>What the scheduler sees of it now.</summary>
    public SchedulerBackend Current => Volatile.Read(ref _current);

    /// <summary>Gives it a new weight, keeping its counts.</summary>
    public void Reweight(int weight)
    {
        lock (_gate)
        {
            var next = new SchedulerBackend(Server, weight);
            next.SetCounts(_active, _inactive);
            Volatile.Write(ref _current, next);
        }
    }

    /// <summary>A new connection or flow was scheduled to it; it counts as inactive until established.</summary>
    public void Scheduled()
    {
        Counted();
        Adjust(0, 1);
    }

    /// <summary>A datagram was scheduled to it on its own (<c>ops</c>), joining a flow that already exists.</summary>
    public void Counted() => Interlocked.Increment(ref _connections);

    /// <summary>Moves one connection between the active and inactive counts, or out of them (−1, 0 and so on).</summary>
    public void Adjust(int active, int inactive)
    {
        lock (_gate)
        {
            _active += active;
            _inactive += inactive;
            _current.SetCounts(_active, _inactive);
        }
    }

    /// <summary>Counts one read from the client of <paramref name="bytes"/>.</summary>
    public void CountIn(long bytes)
    {
        Interlocked.Increment(ref _packetsIn);
        Interlocked.Add(ref _bytesIn, bytes);
    }

    /// <summary>Counts one read from the server of <paramref name="bytes"/>.</summary>
    public void CountOut(long bytes)
    {
        Interlocked.Increment(ref _packetsOut);
        Interlocked.Add(ref _bytesOut, bytes);
    }

    /// <summary>The counters as the data-plane contract reports them.</summary>
    public BackendCounters Read(VirtualServerKey service)
    {
        long active;
        long inactive;
        lock (_gate)
        {
            active = _active;
            inactive = _inactive;
        }

        return new BackendCounters(
            service,
            Server,
            active,
            inactive,
            Interlocked.Read(ref _connections),
            Interlocked.Read(ref _packetsIn),
            Interlocked.Read(ref _packetsOut),
            Interlocked.Read(ref _bytesIn),
            Interlocked.Read(ref _bytesOut));
    }
}
