using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// <c>lblcr</c> (ip_vs_lblcr.c): each destination address maps to a set of servers. A connection takes the set's
/// weighted least-connection member; when there is none, or it is overloaded, a fresh <c>wlc</c> choice joins the set.
/// A set of several members unchanged for <c>lblcr_expiration</c> (24 h) loses its most loaded member.
/// </summary>
public sealed class LocalityLeastConnectionReplicatedScheduler : IScheduler
{
    /// <summary>The default <c>lblcr_expiration</c> sysctl: 24 hours.</summary>
    public static readonly TimeSpan DefaultExpiration = TimeSpan.FromHours(24);

    private readonly Lock _gate = new();
    private readonly LocalityTable<Entry> _table;

    /// <summary>Creates the scheduler on <paramref name="time"/>'s clock.</summary>
    public LocalityLeastConnectionReplicatedScheduler(TimeProvider time, TimeSpan? expiration = null)
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

    /// <summary>The servers in the set of <paramref name="destination"/>, newest first (for tests and status).</summary>
    public IReadOnlyList<RealServerKey> SetOf(System.Net.IPAddress destination)
    {
        lock (_gate)
        {
            return _table.Get(destination)?.Members.Select(m => m.Server).ToList() ?? [];
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
            SchedulerBackend? dest;
            if (entry is null)
            {
                dest = SchedulerMath.WeightedLeast(backends);
                if (dest is not null)
                {
                    entry = new Entry { LastUse = now };
                    entry.Insert(dest, now);
                    _table.Add(flow.Destination, entry);
                }

                return dest;
            }

            entry.LastUse = now;
            dest = entry.Least(backends);
            if (entry.Members.Count > 1 && now - entry.LastModified > _table.Expiration)
            {
                entry.EraseMost(backends, now);
            }

            if (dest is not null && !SchedulerMath.IsOverloaded(dest, backends))
            {
                return dest;
            }

            dest = SchedulerMath.WeightedLeast(backends);
            if (dest is not null && entry.IndexOf(dest.Server) < 0)
            {
                entry.Insert(dest, now);
            }

            return dest;
        }
    }

    private sealed class Entry : LocalityEntry
    {
        /// <summary>The members, newest first (list_add_rcu puts each at the head), with the backend last seen for each.</summary>
        public List<SchedulerBackend> Members { get; } = [];

        public long LastModified { get; private set; }

        public int IndexOf(RealServerKey server)
        {
            for (var i = 0; i < Members.Count; i++)
            {
                if (Members[i].Server == server)
                {
                    return i;
                }
            }

            return -1;
        }

        public void Insert(SchedulerBackend dest, long now)
        {
            Members.Insert(0, dest);
            LastModified = now;
        }

        /// <summary>ip_vs_dest_set_min(): members still in the service only.</summary>
        public SchedulerBackend? Least(IReadOnlyList<SchedulerBackend> backends)
        {
            var i = 0;
            SchedulerBackend? least = null;
            for (; i < Members.Count; i++)
            {
                least = SchedulerMath.Find(backends, Members[i].Server);
                if (least is { Weight: > 0 })
                {
                    break;
                }
            }

            if (i == Members.Count)
            {
                return null;
            }

            var loh = SchedulerMath.Overhead(least!);
            for (i++; i < Members.Count; i++)
            {
                var dest = SchedulerMath.Find(backends, Members[i].Server);
                if (dest is null)
                {
                    continue;
                }

                var doh = SchedulerMath.Overhead(dest);
                if (loh * dest.Weight > doh * least!.Weight)
                {
                    least = dest;
                    loh = doh;
                }
            }

            return least;
        }

        /// <summary>ip_vs_dest_set_max() then erase: a member that left the service counts as last seen.</summary>
        public void EraseMost(IReadOnlyList<SchedulerBackend> backends, long now)
        {
            var most = -1;
            long moh = 0;
            var mw = 0;
            for (var i = 0; i < Members.Count; i++)
            {
                var dest = SchedulerMath.Find(backends, Members[i].Server) ?? Members[i];
                var doh = SchedulerMath.Overhead(dest);
                if (most < 0)
                {
                    if (dest.Weight > 0)
                    {
                        most = i;
                        moh = doh;
                        mw = dest.Weight;
                    }
                }
                else if (moh * dest.Weight < doh * mw && dest.Weight > 0)
                {
                    most = i;
                    moh = doh;
                    mw = dest.Weight;
                }
            }

            if (most >= 0)
            {
                Members.RemoveAt(most);
                LastModified = now;
            }
        }
    }
}
