using System.Text.Json.Nodes;
using Vigil.Plugins.Ipvs.Engine;

namespace Vigil.Plugins.Ipvs.Operations;

/// <summary>One real server as operations and status print it: a flat row.</summary>
internal static class RealServerJson
{
    /// <summary>The row for <paramref name="status"/> of <paramref name="evaluation"/>'s service.</summary>
    public static JsonObject Row(ServiceEvaluation evaluation, RealServerStatus status, CounterCache counters)
    {
        var c = counters.Get(evaluation.Service.Key, status.Server);
        return new JsonObject
        {
            ["vs"] = evaluation.Service.Key.ToString(),
            ["rs"] = status.Server.ToString(),
            ["state"] = !status.Healthy ? "down" : status.Drained ? "drained" : status.EffectiveWeight > 0 ? "up" : "idle",
            ["weight"] = status.ConfiguredWeight,
            ["effective_weight"] = status.EffectiveWeight,
            ["active"] = c?.ActiveConnections ?? 0,
            ["inactive"] = c?.InactiveConnections ?? 0,
            ["reason"] = status.Reason,
        };
    }
}
