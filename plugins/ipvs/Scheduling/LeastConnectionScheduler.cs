namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// <c>lc</c> (ip_vs_lc.c): the server of positive weight with the smallest overhead, active × 256 + inactive; the first
/// such server in list order on a tie.
/// </summary>
public sealed class LeastConnectionScheduler : IScheduler
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

            var doh = SchedulerMath.Overhead(dest);
            if (least is null || doh < loh)
            {
                least = dest;
                loh = doh;
            }
        }

        return least;
    }
}
