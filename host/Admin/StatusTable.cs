using System.Text;
using System.Text.Json.Nodes;

namespace Vigil.Host.Admin;

/// <summary>Renders the status answer for people: the host line, a module table, then each module's own tables.</summary>
internal static class StatusTable
{
    public static string Render(JsonObject status)
    {
        var text = new StringBuilder();
        text.AppendLine($"instance {status["instance"]}  pid {status["pid"]}  up {status["uptimeSeconds"]} s  config {string.Join(", ", (status["configFiles"] as JsonArray ?? []).Select(f => f?.ToString()))}");
        foreach (var error in status["lastReloadErrors"] as JsonArray ?? [])
        {
            text.AppendLine($"last reload rejected: {error}");
        }

        var modules = (status["modules"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        text.AppendLine();
        AppendTable(text, ["MODULE", "STATE", "ERROR"], modules.Select(m => new[] { Cell(m["name"]), Cell(m["state"]), Cell(m["error"]) }));
        foreach (var module in modules)
        {
            foreach (var source in (module["status"] as JsonArray ?? []).OfType<JsonObject>())
            {
                text.AppendLine();
                text.AppendLine($"[{module["name"]}]");
                AppendSource(text, source);
            }
        }

        return text.ToString();
    }

    /// <summary>Renders one operation's answer: an object as key/value lines (its <c>rows</c> as a table), an array of objects as a table, a value as itself.</summary>
    public static string RenderAnswer(JsonNode? answer)
    {
        var text = new StringBuilder();
        switch (answer)
        {
            case null:
                break;
            case JsonObject source:
                AppendSource(text, source);
                break;
            case JsonArray rows:
                AppendSource(text, new JsonObject { ["rows"] = rows.DeepClone() });
                break;
            default:
                text.AppendLine(Cell(answer));
                break;
        }

        return text.ToString();
    }

    private static void AppendSource(StringBuilder text, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            if (key == "rows" && value is JsonArray rows)
            {
                var objects = rows.OfType<JsonObject>().ToList();
                var columns = objects.SelectMany(o => o.Select(p => p.Key)).Distinct().ToList();
                AppendTable(text, columns.Select(c => c.ToUpperInvariant()).ToList(), objects.Select(o => columns.Select(c => Cell(o[c])).ToArray()));
            }
            else
            {
                text.AppendLine($"{key}: {Cell(value)}");
            }
        }
    }

    private static string Cell(JsonNode? node) => node switch
    {
        null => "-",
        JsonValue v => v.ToString(),
        _ => node.ToJsonString(),
    };

    private static void AppendTable(StringBuilder text, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header.ToArray()).ToList();
        var widths = header.Select((_, i) => all.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        foreach (var row in all)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
