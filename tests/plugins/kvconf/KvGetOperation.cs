using System.Text.Json.Nodes;
using Vigil.Abstractions.Operations;

namespace Vigil.TestPlugins.KvConf;

/// <summary><c>vigil kv get KEY</c>: the applied value, refused when the file has no such key.</summary>
public sealed class KvGetOperation(KvModule module) : IOperation
{
    public OperationDescriptor Descriptor { get; } = new(
        "kv.get",
        "Show one value of the applied file",
        [new OperationParameter("key", OperationParameterType.String, "the key")],
        ["kv", "get"]);

    public Task<OperationResult> ExecuteAsync(OperationArguments arguments, CancellationToken cancellationToken)
    {
        var key = arguments.String("key")!;
        return Task.FromResult(module.Values.TryGetValue(key, out var value)
            ? OperationResult.Ok(new JsonObject { ["key"] = key, ["value"] = value })
            : OperationResult.Refused($"no key '{key}' in the applied file"));
    }
}
