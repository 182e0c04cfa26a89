using Vigil.Abstractions.State;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;

namespace Vigil.Plugins.Ipvs.Engine;

/// <summary>
/// Works out what one virtual server must look like from its definition and the cluster state: which real servers take
/// new connections and with what weight, whether quorum holds, whether the sorry server serves. Pure: no I/O, no clock.
/// </summary>
/// <remarks>
/// keepalived's rules: a real server with no checker is always up; one with checkers is up until a check fails, or down
/// until one passes under <c>alpha</c>. A down server leaves the service, or stays at weight 0 with
/// <c>inhibit_on_failure</c>. When quorum is lost and a sorry server exists, the sorry server takes the new connections;
/// unlike keepalived, which removes the live servers then, they stay at weight 0 so their open connections finish.
/// A drained server stays at weight 0 and does not count towards quorum. An operator's weight outranks a dynamic one.
/// </remarks>
internal static class ServicePlanner
{
    /// <summary>Evaluates <paramref name="service"/> against <paramref name="snapshot"/>.</summary>
    /// <param name="service">The virtual server.</param>
    /// <param name="snapshot">The cluster state.</param>
    /// <param name="quorumWasUp">Whether quorum held at the previous evaluation; null for the first.</param>
    public static ServiceEvaluation Evaluate(VirtualServerDefinition service, IStateSnapshot snapshot, bool? quorumWasUp)
    {
        var statuses = new List<RealServerStatus>(service.RealServers.Count);
        var backends = new List<BackendPlan>(service.RealServers.Count + 1);
        var live = 0;
        foreach (var rs in service.RealServers)
        {
            var status = Evaluate(service, rs, snapshot);
            statuses.Add(status);
            if (status.Programmed)
            {
                backends.Add(new BackendPlan(rs.Key, status.EffectiveWeight, rs.Method));
            }

            if (status.Healthy && !status.Drained)
            {
                live += status.EffectiveWeight;
            }
        }

        var quorumUp = QuorumRule.Next(quorumWasUp, live, service.Quorum, service.Hysteresis);
        var sorryActive = !quorumUp && service.SorryServer is not null;
        if (sorryActive)
        {
            for (var i = 0; i < backends.Count; i++)
            {
                backends[i] = backends[i] with { Weight = 0 };
            }

            statuses = statuses.Select(s => s.Programmed ? s with { EffectiveWeight = 0, Reason = $"{s.Reason}; quorum lost, sorry server serves" } : s).ToList();
        }

        if (service.SorryServer is { } sorry && (sorryActive || service.SorryServerInhibit))
        {
            backends.Add(new BackendPlan(sorry, sorryActive ? 1 : 0, SorryMethod(service, sorry), IsSorryServer: true));
        }

        var plan = VipOwnership.MayProgram(service, snapshot) ? new ServicePlan(service, backends) : null;
        return new ServiceEvaluation(service, plan, quorumUp, live, sorryActive, statuses);
    }

    private static RealServerStatus Evaluate(VirtualServerDefinition service, RealServerDefinition rs, IStateSnapshot snapshot)
    {
        var health = rs.CheckerCount == 0 ? null : snapshot.Get(StateKeys.RealServerHealth(service.Key, rs.Key))?.Value;
        var adminOverride = snapshot.Get(StateKeys.RealServerOverride(service.Key, rs.Key))?.Value;
        var healthy = rs.CheckerCount == 0 || (health?.Up ?? !service.Alpha);
        var weight = adminOverride?.Weight ?? health?.Weight ?? rs.Weight;
        var drained = adminOverride?.Drained ?? false;
        var reason = health is not null
            ? $"{health.Checker}: {health.Reason}"
            : rs.CheckerCount == 0 ? "no checker" : service.Alpha ? "alpha: down until a check passes" : "not checked yet";
        if (drained)
        {
            reason = $"drained ({adminOverride!.Reason})";
        }

        if (!healthy)
        {
            return rs.InhibitOnFailure
                ? new RealServerStatus(rs.Key, false, drained, rs.Weight, 0, true, $"{reason}; inhibited at weight 0")
                : new RealServerStatus(rs.Key, false, drained, rs.Weight, 0, false, reason);
        }

        return new RealServerStatus(rs.Key, true, drained, rs.Weight, drained ? 0 : weight, true, reason);
    }

    // A loopback sorry server (the seed's 127.0.0.1 80) is this director itself: it is reached by local delivery,
    // whatever the service's lb_kind.
    private static ForwardingMethod SorryMethod(VirtualServerDefinition service, RealServerKey sorry) =>
        System.Net.IPAddress.IsLoopback(sorry.Address) ? ForwardingMethod.Nat : service.Method;
}
