namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// Chooses the server for a new connection, as the IPVS scheduler of the same name does. Implementations are safe to
/// call from many threads and allocate nothing per call.
/// </summary>
public interface IScheduler
{
    /// <summary>
    /// The server for <paramref name="flow"/> among <paramref name="backends"/> (configuration order; servers of weight 0
    /// are never chosen), or null when none can take it.
    /// </summary>
    SchedulerBackend? Pick(IReadOnlyList<SchedulerBackend> backends, in FlowKey flow);
}
