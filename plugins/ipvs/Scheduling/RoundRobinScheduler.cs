namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// <c>rr</c> (ip_vs_rr.c): the next server of positive weight after the one chosen last, wrapping around the list.
/// </summary>
/// <remarks>
/// When the list changes, the position stays on the server chosen last; if that server left, it moves back to the
/// nearest earlier server still present (the kernel's del_dest hook), or to the head.
/// </remarks>
public sealed class RoundRobinScheduler : IScheduler
{
    private readonly Lock _gate = new();
    private IReadOnlyList<SchedulerBackend>? _list;
    private int _last = -1;

    /// <inheritdoc />
    public SchedulerBackend? Pick(IReadOnlyList<SchedulerBackend> backends, in FlowKey flow)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(backends, _list))
            {
                _last = Reposition(_list, _last, backends);
                _list = backends;
            }

            var count = backends.Count;
            for (var step = 1; step <= count; step++)
            {
                var i = (_last + step) % count;
                if (_last < 0)
                {
                    i = step - 1;
                }

                if (backends[i].Weight > 0)
                {
                    _last = i;
                    return backends[i];
                }
            }

            return null;
        }
    }

    private static int Reposition(IReadOnlyList<SchedulerBackend>? old, int last, IReadOnlyList<SchedulerBackend> current)
    {
        if (old is null || last < 0 || last >= old.Count)
        {
            return -1;
        }

        for (var i = last; i >= 0; i--)
        {
            var index = SchedulerMath.IndexOf(current, old[i].Server);
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }
}
