using System.Text.Json.Nodes;
using Vigil.Abstractions.Operations;

namespace Vigil.Host.Admin;

/// <summary>Operation descriptors as the admin socket's <c>operations</c> answer carries them, and back for the CLI.</summary>
internal static class OperationJson
{
    public static JsonObject Write(OperationDescriptor descriptor, string module) => new()
    {
        ["name"] = descriptor.Name,
        ["module"] = module,
        ["description"] = descriptor.Description,
        ["command"] = descriptor.Command is null ? null : new JsonArray([.. descriptor.Command.Select(w => (JsonNode?)w)]),
        ["parameters"] = new JsonArray([.. descriptor.Parameters.Select(p => (JsonNode?)new JsonObject
        {
            ["name"] = p.Name,
            ["type"] = p.Type.ToString().ToLowerInvariant(),
            ["description"] = p.Description,
            ["required"] = p.Required,
        })]),
    };

    public static OperationDescriptor Read(JsonObject json) => new(
        json["name"]?.GetValue<string>() ?? "",
        json["description"]?.GetValue<string>() ?? "",
        [.. (json["parameters"] as JsonArray ?? []).OfType<JsonObject>().Select(p => new OperationParameter(
            p["name"]?.GetValue<string>() ?? "",
            Enum.TryParse<OperationParameterType>(p["type"]?.GetValue<string>(), ignoreCase: true, out var type) ? type : OperationParameterType.String,
            p["description"]?.GetValue<string>() ?? "",
            p["required"]?.GetValue<bool>() ?? true))],
        json["command"] is JsonArray words ? [.. words.Select(w => w?.GetValue<string>() ?? "")] : null);
}
