using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// <c>lblc</c> (ip_vs_lblc.c): the server the destination address was last given, while it is still in the service
/// with positive weight and not overloaded (more active connections than its weight while another runs below half of
/// its own); otherwise a fresh <c>wlc</c> choice, remembered for the address.
/// </summary>
public sealed class LocalityLeastConnectionScheduler : IScheduler
{
    /// <summary>The default <c>lblc_expiration</c> sysctl: 24 hours.</summary>
    public static readonly TimeSpan DefaultExpiration = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly LocalityTable<Entry> _table;

    /// <summary>Creates the scheduler on <paramref name="time"/>'s clock.</summary>
    public LocalityLeastConnectionScheduler(TimeProvider time, TimeSpan? expiration = null)
    {
        _table = new LocalityTable<Entry>(time, time.GetTimestamp(), expiration ?? DefaultExpiration);
    }

    /// <summary>How many destination addresses the table holds (for tests and status).</summary>
    public int Entries
    {
        get
        {
            lock (_gate)
            {
                return _table.Count;
            }
        }
    }

    /// <inheritdoc />
    public SchedulerBackend? Pick(IReadOnlyList<SchedulerBackend> backends, in FlowKey flow)
    {
        var now = _table.Time.GetTimestamp();
        lock (_gate)
        {
            _table.CatchUp(now);
            var entry = _table.Get(flow.Destination);
            if (entry is not null)
            {
                entry.LastUse = now;
                var cached = SchedulerMath.Find(backends, entry.Server);
                if (cached is { Weight: > 0 } && !SchedulerMath.IsOverloaded(cached, backends))
                {
                    return cached;
                }
            }

            var dest = SchedulerMath.WeightedLeast(backends);
            if (dest is null)
            {
                return null;
            }

            if (entry is null)
            {
                _table.Add(flow.Destination, new Entry { Server = dest.Server, LastUse = now });
            }
            else
            {
                entry.Server = dest.Server;
            }

            return dest;
        }
    }

    private sealed class Entry : LocalityEntry
    {
        public required RealServerKey Server { get; set; }
    }
}
