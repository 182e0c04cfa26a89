using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// One server as a scheduler sees it: its weight and its live connection counts. The forwarder updates the counts as
/// connections open and close; the schedulers that balance by load read them.
/// </summary>
public sealed class SchedulerBackend(RealServerKey server, int weight)
{
    private long _active;
    private long _inactive;

    /// <summary>Its address and port.</summary>
    public RealServerKey Server { get; } = server;

    /// <summary>Its weight; 0 means it takes no new connection.</summary>
    public int Weight { get; } = weight;

    /// <summary>Connections established now.</summary>
    public long ActiveConnections => Interlocked.Read(ref _active);

    /// <summary>Connections open but not established (half-open, closing, UDP flows idle).</summary>
    public long InactiveConnections => Interlocked.Read(ref _inactive);

    /// <summary>A connection to it was established.</summary>
    public void ConnectionOpened() => Interlocked.Increment(ref _active);

    /// <summary>An established connection to it ended.</summary>
    public void ConnectionClosed() => Interlocked.Decrement(ref _active);

    /// <summary>Sets both counts at once (the nftables plane reads them from conntrack).</summary>
    public void SetCounts(long active, long inactive)
    {
        Interlocked.Exchange(ref _active, active);
        Interlocked.Exchange(ref _inactive, inactive);
    }
}
