using System.Text.Json.Nodes;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Status;

namespace Vigil.Host.Runtime;

/// <summary>Builds the answer to the admin socket's <c>status</c>: the host's own line and each module's sources.</summary>
internal static class RuntimeStatus
{
    public static JsonObject Build(
        string instance,
        DateTimeOffset started,
        DateTimeOffset now,
        IReadOnlyList<string> configFiles,
        IReadOnlyList<ConfigIssue> lastReloadErrors,
        IEnumerable<RunningModule> modules,
        IEnumerable<IStatusSource> sources)
    {
        var sourceList = sources.ToList();
        var moduleArray = new JsonArray();
        foreach (var module in modules)
        {
            var details = new JsonArray();
            foreach (var source in sourceList.Where(s => string.Equals(s.Module, module.Name, StringComparison.OrdinalIgnoreCase)))
            {
                details.Add(SafeStatus(source));
            }

            moduleArray.Add(new JsonObject
            {
                ["name"] = module.Name,
                ["state"] = module.State.ToString().ToLowerInvariant(),
                ["error"] = module.LastError,
                ["status"] = details,
            });
        }

        return new JsonObject
        {
            ["instance"] = instance,
            ["pid"] = Environment.ProcessId,
            ["started"] = started.ToString("O"),
            ["uptimeSeconds"] = (long)(now - started).TotalSeconds,
            ["configFiles"] = new JsonArray(configFiles.Select(f => (JsonNode?)f).ToArray()),
            ["lastReloadErrors"] = new JsonArray(lastReloadErrors.Select(e => (JsonNode?)e.ToString()).ToArray()),
            ["modules"] = moduleArray,
        };
    }

    /// <summary>A module's status source that throws must not take <c>vigil status</c> down with it.</summary>
    private static JsonObject SafeStatus(IStatusSource source)
    {
        try
        {
            return source.GetStatus();
        }
        catch (Exception e)
        {
            return new JsonObject { ["error"] = $"status unavailable: {e.Message}" };
        }
    }
}
