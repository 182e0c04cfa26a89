using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.Checkers.Engine;

/// <summary>
/// One check's keepalived state (check_tcp.c's epilog, shared by every checker): up or down, and the retries spent. A
/// failure counts only when <see cref="CheckSchedule.Retry"/> further probes, <see cref="CheckSchedule.DelayBeforeRetry"/>
/// apart, failed too; a success counts at once. <c>alpha</c> starts the check down. Pure.
/// </summary>
internal sealed class CheckTracker(CheckSchedule schedule)
{
    /// <summary>True while the check counts as passing.</summary>
    public bool Up { get; private set; } = !schedule.Alpha;

    /// <summary>Failed probes since the last counted result.</summary>
    public int RetriesUsed { get; private set; }

    /// <summary>Applies one probe's outcome.</summary>
    public CheckStep Record(bool healthy)
    {
        if (!healthy && RetriesUsed < schedule.Retry)
        {
            RetriesUsed++;
            return new CheckStep(schedule.DelayBeforeRetry, false);
        }

        RetriesUsed = 0;
        var changed = Up != healthy;
        Up = healthy;
        return new CheckStep(schedule.DelayLoop, changed);
    }
}
