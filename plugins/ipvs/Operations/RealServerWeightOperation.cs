using System.Text.Json.Nodes;
using Vigil.Abstractions.Operations;
using Vigil.Abstractions.State;
using Vigil.Plugins.Ipvs.Engine;

namespace Vigil.Plugins.Ipvs.Operations;

/// <summary><c>vigil rs weight VS RS N</c>: gives a real server an operator's weight, which outranks configured and dynamic ones until cleared.</summary>
internal sealed class RealServerWeightOperation(VirtualServerController controller, OverrideStore overrides) : IOperation
{
    /// <inheritdoc />
    public OperationDescriptor Descriptor { get; } = new(
        "rs.weight",
        "Set a real server's weight (0-65535); it outlives reloads and restarts until rs enable clears it",
        [.. RealServerTarget.Parameters, new("weight", OperationParameterType.Integer, "the new weight, 0-65535")],
        ["rs", "weight"]);

    /// <inheritdoc />
    public Task<OperationResult> ExecuteAsync(OperationArguments arguments, CancellationToken cancellationToken)
    {
        var weight = arguments.Integer("weight")!.Value;
        if (weight is < 0 or > 65535)
        {
            return Task.FromResult(OperationResult.Refused($"weight {weight} is out of range 0-65535"));
        }

        if (!RealServerTarget.TryFind(controller, arguments, out var target, out var reason))
        {
            return Task.FromResult(OperationResult.Refused(reason));
        }

        var vs = target.Service.Key;
        var rs = target.Server.Key;
        var current = overrides.Get(vs, rs);
        overrides.Put(vs, rs, new RealServerOverride(vs, rs, current?.Drained ?? false, (int)weight, current?.Reason ?? "rs weight"));
        return Task.FromResult(OperationResult.Ok(new JsonObject { ["vs"] = vs.ToString(), ["rs"] = rs.ToString(), ["weight"] = weight }));
    }
}
