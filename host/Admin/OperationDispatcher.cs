using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Operations;

namespace Vigil.Host.Admin;

/// <summary>
/// Runs module operations for the admin socket: parses the request's arguments by the operation's declared types and
/// answers with one of three statuses the CLI turns into exit codes — <c>done</c> (0), <c>refused</c> (1, with the
/// reason; also when the operation failed) and <c>usage</c> (2: unknown operation or bad arguments).
/// </summary>
internal sealed partial class OperationDispatcher
{
    private readonly IReadOnlyDictionary<string, (IOperation Operation, string Module)> _operations;
    private readonly ILogger _logger;

    /// <param name="operations">Each operation with the module that registered it; names are unique (checked at load).</param>
    /// <param name="logger">Where failures go.</param>
    public OperationDispatcher(IEnumerable<(IOperation Operation, string Module)> operations, ILogger logger)
    {
        _operations = operations.ToDictionary(o => o.Operation.Descriptor.Name, StringComparer.Ordinal);
        _logger = logger;
    }

    public bool Knows(string name) => _operations.ContainsKey(name);

    /// <summary>Every operation's descriptor, by name.</summary>
    public JsonArray List() =>
        [.. _operations.Values.OrderBy(o => o.Operation.Descriptor.Name, StringComparer.Ordinal).Select(o => (JsonNode?)OperationJson.Write(o.Operation.Descriptor, o.Module))];

    public async Task<JsonObject> RunAsync(string name, JsonObject? args, CancellationToken cancellationToken)
    {
        if (!_operations.TryGetValue(name, out var entry))
        {
            return Answer("usage", null, $"unknown operation '{name}'; 'vigil op --list' shows the known ones");
        }

        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in args ?? [])
        {
            raw[key] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString() ?? "";
        }

        if (!OperationArgumentParser.TryParse(entry.Operation.Descriptor, raw, out var arguments, out var usage))
        {
            return Answer("usage", null, usage);
        }

        try
        {
            var result = await entry.Operation.ExecuteAsync(arguments, cancellationToken).ConfigureAwait(false);
            return result.Done ? Answer("done", result.Data, null) : Answer("refused", result.Data, result.Reason ?? "refused");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e, name, entry.Module);
            return Answer("refused", null, $"{name} failed: {e.Message}");
        }
    }

    private static JsonObject Answer(string status, JsonNode? result, string? error) => new()
    {
        ["ok"] = status == "done",
        ["status"] = status,
        ["result"] = result,
        ["error"] = error,
    };

    [LoggerMessage(EventId = EventIds.OperationFailed, Level = LogLevel.Error, Message = "Operation {Operation} of module {Module} failed")]
    private partial void LogFailed(Exception error, string operation, string module);
}
