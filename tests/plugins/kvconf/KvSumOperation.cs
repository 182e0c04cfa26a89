using System.Text.Json.Nodes;
using Vigil.Abstractions.Operations;

namespace Vigil.TestPlugins.KvConf;

/// <summary><c>vigil op kv.sum a=N [b=N] [wait=DURATION]</c>: typed arguments, one optional.</summary>
public sealed class KvSumOperation : IOperation
{
    public OperationDescriptor Descriptor { get; } = new(
        "kv.sum",
        "Add two numbers",
        [
            new OperationParameter("a", OperationParameterType.Integer, "the first number"),
            new OperationParameter("b", OperationParameterType.Integer, "the second number", Required: false),
            new OperationParameter("wait", OperationParameterType.Duration, "how long to take", Required: false),
        ]);

    public async Task<OperationResult> ExecuteAsync(OperationArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Duration("wait") is { } wait)
        {
            await Task.Delay(wait, cancellationToken);
        }

        return OperationResult.Ok(new JsonObject { ["sum"] = arguments.Integer("a")!.Value + (arguments.Integer("b") ?? 0) });
    }
}
