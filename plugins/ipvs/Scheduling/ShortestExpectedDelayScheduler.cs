namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// <c>sed</c> (ip_vs_sed.c): the server with the smallest (active + 1) / weight, inactive connections not counted; the
/// earliest in list order on a tie.
/// </summary>
public sealed class ShortestExpectedDelayScheduler : IScheduler
{
    /// <inheritdoc />
    public SchedulerBackend? Pick(IReadOnlyList<SchedulerBackend> backends, in FlowKey flow)
    {
        var count = backends.Count;
        var start = 0;
        while (start < count && backends[start].Weight <= 0)
        {
            start++;
        }

        if (start == count)
        {
            return null;
        }

        var least = backends[start];
        var loh = least.ActiveConnections + 1;
        for (var i = start + 1; i < count; i++)
        {
            var dest = backends[i];
            var doh = dest.ActiveConnections + 1;
            if (loh * dest.Weight > doh * least.Weight)
            {
                least = dest;
                loh = doh;
            }
        }

        return least;
    }
}
