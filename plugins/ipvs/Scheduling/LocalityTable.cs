using System.Net;

namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// The destination-address table of lblc and lblcr with the kernel's garbage collection: every 60 s a check runs;
/// every 30th drops the entries unused for <c>lblc_expiration</c> (24 h), the others, only while the table holds more
/// than 16 × 1024 entries, drop entries unused for 6 minutes until a third more than the excess (at most half the
/// maximum) is gone. The checks run on the <see cref="TimeProvider"/>'s clock, caught up on each lookup. Not
/// thread-safe: the scheduler holds its lock around every call.
/// </summary>
internal sealed class LocalityTable<TEntry>
    where TEntry : LocalityEntry
{
    /// <summary>IP_VS_LBLC_TAB_SIZE × 16.</summary>
    public const int MaxSize = 1024 * 16;

    private const int FullExpirationCount = 30;
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan EntryTimeout = TimeSpan.FromMinutes(6);

    private readonly Dictionary<UInt128, TEntry> _entries = [];
    private readonly long _interval;
    private readonly long _entryTimeout;
    private long _nextCheck;
    private int _counter = 1;

    /// <summary>Creates the table; the first check is due one interval after <paramref name="now"/>.</summary>
    public LocalityTable(TimeProvider time, long now, TimeSpan expiration)
    {
        Time = time;
        _interval = Ticks(time, CheckInterval);
        _entryTimeout = Ticks(time, EntryTimeout);
        Expiration = Ticks(time, expiration);
        _nextCheck = now + _interval;
    }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The expiration in timestamp units.</summary>
    public long Expiration { get; }

    /// <summary>How many entries the table holds.</summary>
    public int Count => _entries.Count;

    /// <summary>Converts a duration to timestamp units of <paramref name="time"/>.</summary>
    public static long Ticks(TimeProvider time, TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);

    /// <summary>Runs the checks that fell due up to <paramref name="now"/>.</summary>
    public void CatchUp(long now)
    {
        if (now < _nextCheck)
        {
            return;
        }

        // Of a long run of missed checks only the last 30 matter: they hold a full check, which drops all the others would.
        var missed = ((now - _nextCheck) / _interval) + 1;
        if (missed > FullExpirationCount)
        {
            _nextCheck += (missed - FullExpirationCount) * _interval;
        }

        while (now >= _nextCheck)
        {
            Check(_nextCheck);
            _nextCheck += _interval;
        }
    }

    /// <summary>The entry for <paramref name="address"/>, or null.</summary>
    public TEntry? Get(IPAddress address) => _entries.GetValueOrDefault(SchedulerMath.Key(address));

    /// <summary>Adds the entry for <paramref name="address"/>.</summary>
    public void Add(IPAddress address, TEntry entry) => _entries[SchedulerMath.Key(address)] = entry;

    private void Check(long now)
    {
        if (_counter % FullExpirationCount == 0)
        {
            Drop(now, Expiration, int.MaxValue);
            _counter = 1;
            return;
        }

        if (_entries.Count <= MaxSize)
        {
            _counter++;
            return;
        }

        var goal = Math.Min((_entries.Count - MaxSize) * 4 / 3, MaxSize / 2);
        Drop(now, _entryTimeout, goal);
    }

    private void Drop(long now, long unusedFor, int goal)
    {
        foreach (var (key, entry) in _entries)
        {
            if (goal <= 0)
            {
                return;
            }

            if (now - entry.LastUse >= unusedFor)
            {
                _entries.Remove(key);
                goal--;
            }
        }
    }
}
