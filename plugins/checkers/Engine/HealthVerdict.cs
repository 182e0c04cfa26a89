using Vigil.Abstractions.State;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Checkers.Engine;

/// <summary>
/// A real server's health from its checks: up when every check is up (keepalived's <c>num_failed_checkers == 0</c>),
/// at the weight a passing dynamic check set, else the configured one. Pure.
/// </summary>
internal static class HealthVerdict
{
    /// <summary>
    /// The health to record. While the server stays up or down the previous checker and reason are kept (only the weight
    /// may change), unless the check they name no longer holds the server down; on a change, <paramref name="cause"/>
    /// names it (for a server going down, the cause when it is one of the failing checks, else the first failing one).
    /// </summary>
    public static RealServerHealth Decide(
        VirtualServerKey virtualServer,
        RealServerKey realServer,
        int configuredWeight,
        IReadOnlyList<CheckView> checks,
        HealthCause cause,
        RealServerHealth? previous)
    {
        var up = checks.All(c => c.Up);
        var weight = checks.FirstOrDefault(c => c.Up && c.Weight is not null)?.Weight ?? configuredWeight;
        var failing = checks.Where(c => !c.Up).ToList();
        if (previous is not null && previous.Up == up)
        {
            if (up || failing.Any(c => c.Checker == previous.Checker && c.Reason == previous.Reason))
            {
                return previous with { Weight = weight };
            }

            return new RealServerHealth(virtualServer, realServer, false, weight, failing[0].Checker, failing[0].Reason);
        }

        if (up)
        {
            return new RealServerHealth(virtualServer, realServer, true, weight, cause.Checker, cause.Reason);
        }

        var decider = failing.FirstOrDefault(c => c.Checker == cause.Checker && c.Reason == cause.Reason) ?? failing[0];
        return new RealServerHealth(virtualServer, realServer, false, weight, decider.Checker, decider.Reason);
    }
}
