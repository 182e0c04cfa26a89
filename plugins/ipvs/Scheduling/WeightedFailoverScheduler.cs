namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary><c>fo</c> (ip_vs_fo.c): the server with the highest weight; the earliest in list order on a tie.</summary>
public sealed class WeightedFailoverScheduler : IScheduler
{
    /// <inheritdoc />
    public SchedulerBackend? Pick(IReadOnlyList<SchedulerBackend> backends, in FlowKey flow)
    {
        SchedulerBackend? highest = null;
        var hw = 0;
        for (var i = 0; i < backends.Count; i++)
        {
            if (backends[i].Weight > hw)
            {
                highest = backends[i];
                hw = highest.Weight;
            }
        }

        return highest;
    }
}
