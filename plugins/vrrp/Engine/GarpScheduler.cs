namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>
/// keepalived's gratuitous ARP timing after becoming MASTER: <c>garp_master_repeat</c> announcements at once, the same
/// again after <c>garp_master_delay</c> (default 5 s, 0 = no second burst), and <c>garp_master_refresh_repeat</c> every
/// <c>garp_master_refresh</c> seconds while MASTER (0 = never).
/// </summary>
internal sealed class GarpScheduler
{
    private readonly Dictionary<InstanceContext, Plan> _plans = [];
    private readonly List<(InstanceContext Instance, int Count)> _due = [];

    /// <summary>The earliest pending burst, or null.</summary>
    public long? NextDeadline
    {
        get
        {
            long? next = null;
            foreach (var plan in _plans.Values)
            {
                if (next is null || plan.Due < next)
                {
                    next = plan.Due;
                }
            }

            return next;
        }
    }

    /// <summary>Starts the plan for <paramref name="instance"/>; returns how many announcements to send now.</summary>
    public int Start(InstanceContext instance, long now)
    {
        var (delay, repeat, refresh, _) = Settings(instance);
        if (delay > 0)
        {
            _plans[instance] = new Plan(now + delay * 1000L, repeat);
        }
        else if (refresh > 0)
        {
            _plans[instance] = new Plan(now + refresh * 1000L, Settings(instance).RefreshRepeat);
        }
        else
        {
            _plans.Remove(instance);
        }

        return repeat;
    }

    /// <summary>How many announcements one burst sends for <paramref name="instance"/> (<c>garp_master_repeat</c>).</summary>
    public static int Repeat(InstanceContext instance) => Settings(instance).Repeat;

    /// <summary>Drops the plan of an instance that left MASTER.</summary>
    public void Cancel(InstanceContext instance) => _plans.Remove(instance);

    /// <summary>
    /// The instances due at <paramref name="now"/> with how many announcements each sends; reschedules refreshes. The
    /// list is reused by the next call (the runner asks on every wake-up, and nothing is due almost always).
    /// </summary>
    public IReadOnlyList<(InstanceContext Instance, int Count)> Due(long now)
    {
        _due.Clear();
        foreach (var (instance, plan) in _plans)
        {
            if (plan.Due <= now)
            {
                _due.Add((instance, plan.Count));
            }
        }

        foreach (var (instance, _) in _due)
        {
            var plan = _plans[instance];
            var (_, _, refresh, refreshRepeat) = Settings(instance);
            if (refresh > 0)
            {
                _plans[instance] = new Plan(Math.Max(now, plan.Due) + refresh * 1000L, refreshRepeat);
            }
            else
            {
                _plans.Remove(instance);
            }
        }

        return _due;
    }

    private static (int Delay, int Repeat, int Refresh, int RefreshRepeat) Settings(InstanceContext instance)
    {
        var o = instance.Options;
        var g = instance.Global;
        return (o.GarpMasterDelay ?? g.GarpMasterDelay, o.GarpMasterRepeat ?? g.GarpMasterRepeat,
            o.GarpMasterRefresh ?? g.GarpMasterRefresh, o.GarpMasterRefreshRepeat ?? g.GarpMasterRefreshRepeat);
    }

    private sealed record Plan(long Due, int Count);
}
