namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// <c>ovf</c> (ip_vs_ovf.c): the highest-weight server whose active connections do not exceed its weight (the kernel
/// skips a server only once active &gt; weight); the earliest in list order on a tie.
/// </summary>
public sealed class WeightedOverflowScheduler : IScheduler
{
    /// <inheritdoc />
    public SchedulerBackend? Pick(IReadOnlyList<SchedulerBackend> backends, in FlowKey flow)
    {
        SchedulerBackend? highest = null;
        var hw = 0;
        for (var i = 0; i < backends.Count; i++)
        {
            var dest = backends[i];
            var w = dest.Weight;
            if (w == 0 || dest.ActiveConnections > w)
            {
                continue;
            }

            if (highest is null || w > hw)
            {
                highest = dest;
                hw = w;
            }
        }

        return highest;
    }
}
