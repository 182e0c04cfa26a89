using System.Text.Json.Nodes;
using Vigil.Abstractions.Operations;
using Vigil.Plugins.Ipvs.Engine;

namespace Vigil.Plugins.Ipvs.Operations;

/// <summary><c>vigil rs enable VS RS</c>: ends a drain and an operator's weight; the server takes new connections again when healthy.</summary>
internal sealed class RealServerEnableOperation(VirtualServerController controller, OverrideStore overrides) : IOperation
{
    /// <inheritdoc />
    public OperationDescriptor Descriptor { get; } = new(
        "rs.enable",
        "Put a drained or re-weighted real server back to its configured weight",
        RealServerTarget.Parameters,
        ["rs", "enable"]);

    /// <inheritdoc />
    public Task<OperationResult> ExecuteAsync(OperationArguments arguments, CancellationToken cancellationToken)
    {
        if (!RealServerTarget.TryFind(controller, arguments, out var target, out var reason))
        {
            return Task.FromResult(OperationResult.Refused(reason));
        }

        var changed = overrides.Get(target.Service.Key, target.Server.Key) is not null;
        overrides.Put(target.Service.Key, target.Server.Key, null);
        return Task.FromResult(OperationResult.Ok(new JsonObject
        {
            ["vs"] = target.Service.Key.ToString(),
            ["rs"] = target.Server.Key.ToString(),
            ["changed"] = changed,
        }));
    }
}
