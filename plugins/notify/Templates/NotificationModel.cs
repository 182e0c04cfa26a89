using System.Collections;
using System.Reflection;
using System.Text.Json;
using Scriban.Runtime;
using Vigil.Abstractions.Events;
using Vigil.Plugins.Notify.Rules;

namespace Vigil.Plugins.Notify.Templates;

/// <summary>
/// Builds the object every template renders against. The keys are documented in the plugin's README; every
/// key is present for every event (null when it does not apply), so a misspelt name is an error while a
/// name that merely does not apply to this event is not.
/// </summary>
internal static class NotificationModel
{
    /// <summary>Every top-level name a template may use.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "event", "type", "module", "name", "instance", "group", "virtual_server", "real_server", "vs_text", "rs_text",
        "old_state", "new_state", "priority", "reason", "host", "router_id", "time", "timestamp", "coalesced",
        "suppressed", "fields", "subject", "body",
    ];

    public static ScriptObject Build(ClusterEvent evt, ModelContext context)
    {
        var facts = EventFacts.Of(evt);
        var model = new ScriptObject
        {
            ["event"] = facts.Kind,
            ["type"] = facts.Type,
            ["module"] = evt.Source,
            ["name"] = facts.Name,
            ["instance"] = evt is VrrpStateChanged ? facts.Instance : null,
            ["group"] = evt is VrrpSyncGroupStateChanged ? facts.Instance : null,
            ["virtual_server"] = facts.VirtualServer,
            ["real_server"] = facts.RealServer,
            ["vs_text"] = facts.VirtualServerText,
            ["rs_text"] = facts.RealServerText,
            ["old_state"] = facts.OldState,
            ["new_state"] = facts.NewState,
            ["priority"] = facts.Priority,
            ["reason"] = facts.Reason,
            ["host"] = context.Host,
            ["router_id"] = context.RouterId,
            ["time"] = evt.Timestamp.UtcDateTime,
            ["timestamp"] = evt.Timestamp.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["coalesced"] = context.Coalesced,
            ["suppressed"] = context.Suppressed,
            ["fields"] = Fields(evt),
            ["subject"] = "",
            ["body"] = "",
        };
        model.Import("json", new Func<object?, string>(ToJson));
        return model;
    }

    /// <summary>The event's own properties, snake_case, so a new module's fields reach templates unchanged.</summary>
    private static ScriptObject Fields(ClusterEvent evt)
    {
        var fields = new ScriptObject();
        foreach (var property in evt.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            fields[EventKinds.SnakeCase(property.Name)] = Plain(property.GetValue(evt));
        }

        return fields;
    }

    private static object? Plain(object? value) => value switch
    {
        null or string or bool or int or long or double or decimal => value,
        Enum e => e.ToString().ToUpperInvariant(),
        DateTimeOffset t => t.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        IEnumerable list => list.Cast<object?>().Select(Plain).ToArray(),
        _ => value.ToString(),
    };

    private static string ToJson(object? value) => JsonSerializer.Serialize(Normalize(value));

    private static object? Normalize(object? value) => value switch
    {
        IDictionary<string, object?> map => map.Where(p => p.Value is not Delegate && p.Value is not IScriptCustomFunction)
            .ToDictionary(p => p.Key, p => Normalize(p.Value)),
        string => value,
        IEnumerable list => list.Cast<object?>().Select(Normalize).ToArray(),
        _ => value,
    };
}
