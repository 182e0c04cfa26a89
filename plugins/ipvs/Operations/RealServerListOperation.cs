using System.Text.Json.Nodes;
using Vigil.Abstractions.Operations;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Engine;

namespace Vigil.Plugins.Ipvs.Operations;

/// <summary><c>vigil rs list [VS]</c>: every real server, its state, weights, connections and why it is where it is.</summary>
internal sealed class RealServerListOperation(VirtualServerController controller, CounterCache counters) : IOperation
{
    /// <inheritdoc />
    public OperationDescriptor Descriptor { get; } = new(
        "rs.list",
        "List real servers with state, configured and effective weight, active and inactive connections",
        [new("vs", OperationParameterType.VirtualServer, "only this virtual server", Required: false)],
        ["rs", "list"]);

    /// <inheritdoc />
    public Task<OperationResult> ExecuteAsync(OperationArguments arguments, CancellationToken cancellationToken)
    {
        var only = arguments.VirtualServer("vs");
        var evaluations = controller.Evaluations.Where(e => only is null || e.Service.Key == only || SameEndpoint(e.Service.Key, only)).ToList();
        if (only is not null && evaluations.Count == 0)
        {
            return Task.FromResult(OperationResult.Refused($"no virtual server {only} is configured"));
        }

        var rows = new JsonArray();
        foreach (var e in evaluations)
        {
            foreach (var s in e.Servers)
            {
                rows.Add(RealServerJson.Row(e, s, counters));
            }
        }

        return Task.FromResult(OperationResult.Ok(new JsonObject { ["rows"] = rows }));
    }

    private static bool SameEndpoint(VirtualServerKey configured, VirtualServerKey asked) =>
        configured.Kind == VirtualServerKind.Endpoint && asked.Kind == VirtualServerKind.Endpoint
        && configured.Address!.Equals(asked.Address) && configured.Port == asked.Port;
}
