namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// <c>nq</c> (ip_vs_nq.c): the first server of positive weight with no active connection; when every one is busy, the
/// smallest (active + 1) / weight as <c>sed</c> computes it.
/// </summary>
public sealed class NeverQueueScheduler : IScheduler
{
    /// <inheritdoc />
    public SchedulerBackend? Pick(IReadOnlyList<SchedulerBackend> backends, in FlowKey flow)
    {
        SchedulerBackend? least = null;
        long loh = 0;
        for (var i = 0; i < backends.Count; i++)
        {
            var dest = backends[i];
            if (dest.Weight == 0)
            {
                continue;
            }

            var active = dest.ActiveConnections;
            if (active == 0)
            {
                return dest;
            }

            var doh = active + 1;
            if (least is null || loh * dest.Weight > doh * least.Weight)
            {
                least = dest;
                loh = doh;
            }
        }

        return least;
    }
}
