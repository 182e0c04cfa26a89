namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// <c>wlc</c> (ip_vs_wlc.c): the server with the smallest overhead (active × 256 + inactive) per unit of weight,
/// compared by cross-multiplication; the earliest in list order on a tie.
/// </summary>
public sealed class WeightedLeastConnectionScheduler : IScheduler
{
    /// <inheritdoc />
    public SchedulerBackend? Pick(IReadOnlyList<SchedulerBackend> backends, in FlowKey flow) =>
        SchedulerMath.WeightedLeast(backends);
}
