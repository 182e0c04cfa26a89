using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>Creates the scheduler <c>lb_algo</c> names, with the kernel's defaults.</summary>
public static class Schedulers
{
    /// <summary>
    /// A new scheduler for <paramref name="algorithm"/>: <paramref name="hashing"/> matters to <c>sh</c> and <c>mh</c>,
    /// <paramref name="time"/> to <c>lblc</c> and <c>lblcr</c>. Each service needs its own: the stateful ones remember
    /// their position or tables.
    /// </summary>
    public static IScheduler Create(SchedulerAlgorithm algorithm, HashOptions hashing, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(hashing);
        ArgumentNullException.ThrowIfNull(time);
        return algorithm switch
        {
            SchedulerAlgorithm.RoundRobin => new RoundRobinScheduler(),
            SchedulerAlgorithm.WeightedRoundRobin => new WeightedRoundRobinScheduler(),
            SchedulerAlgorithm.LeastConnection => new LeastConnectionScheduler(),
            SchedulerAlgorithm.WeightedLeastConnection => new WeightedLeastConnectionScheduler(),
            SchedulerAlgorithm.LocalityLeastConnection => new LocalityLeastConnectionScheduler(time),
            SchedulerAlgorithm.LocalityLeastConnectionReplicated => new LocalityLeastConnectionReplicatedScheduler(time),
            SchedulerAlgorithm.SourceHashing => new SourceHashingScheduler(hashing),
            SchedulerAlgorithm.DestinationHashing => new DestinationHashingScheduler(),
            SchedulerAlgorithm.ShortestExpectedDelay => new ShortestExpectedDelayScheduler(),
            SchedulerAlgorithm.NeverQueue => new NeverQueueScheduler(),
            SchedulerAlgorithm.Maglev => new MaglevScheduler(hashing),
            SchedulerAlgorithm.WeightedFailover => new WeightedFailoverScheduler(),
            SchedulerAlgorithm.WeightedOverflow => new WeightedOverflowScheduler(),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "not an IPVS scheduler"),
        };
    }
}
