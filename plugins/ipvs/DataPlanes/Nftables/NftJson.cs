using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Plugins.Ipvs.DataPlanes.Nftables;

/// <summary>Builders for the pieces of nft's JSON syntax (libnftables-json(5)) the plane writes.</summary>
internal static class NftJson
{
    public static JsonObject Payload(string protocol, string field) => new() { ["payload"] = new JsonObject { ["protocol"] = protocol, ["field"] = field } };

    public static JsonObject Meta(string key) => new() { ["meta"] = new JsonObject { ["key"] = key } };

    public static JsonObject Ct(string key) => new() { ["ct"] = new JsonObject { ["key"] = key } };

    public static JsonObject Match(JsonNode left, JsonNode right) =>
        new() { ["match"] = new JsonObject { ["op"] = "==", ["left"] = left, ["right"] = right } };

    public static JsonObject And(JsonNode value, JsonNode mask) => new() { ["&"] = new JsonArray(value, mask) };

    public static JsonObject Concat(params JsonNode[] parts) => new() { ["concat"] = new JsonArray(parts) };

    public static JsonObject Range(int first, int last) => new() { ["range"] = new JsonArray(first, last) };

    public static JsonObject Goto(string chain) => new() { ["goto"] = new JsonObject { ["target"] = chain } };

    public static JsonObject Drop() => new() { ["drop"] = null };

    public static JsonObject Counter(string name) => new() { ["counter"] = name };

    public static JsonObject Mangle(JsonNode key, JsonNode value) => new() { ["mangle"] = new JsonObject { ["key"] = key, ["value"] = value } };

    public static JsonObject Numgen(string mode, int modulus) =>
        new() { ["numgen"] = new JsonObject { ["mode"] = mode, ["mod"] = modulus, ["offset"] = 0 } };

    public static JsonObject Jhash(JsonNode over, int modulus) => new() { ["jhash"] = new JsonObject { ["mod"] = modulus, ["expr"] = over } };

    /// <summary>A verdict map lookup: <paramref name="data"/> is a named map (<c>@name</c>) or an anonymous set of [key, verdict] pairs.</summary>
    public static JsonObject Vmap(JsonNode key, JsonNode data) => new() { ["vmap"] = new JsonObject { ["key"] = key, ["data"] = data } };

    public static JsonObject Anonymous(IEnumerable<(JsonNode Key, JsonNode Verdict)> pairs) =>
        new() { ["set"] = new JsonArray(pairs.Select(p => (JsonNode)new JsonArray(p.Key, p.Verdict)).ToArray()) };

    /// <summary><c>update @set { key timeout T }</c>: adds the key or refreshes its timeout.</summary>
    public static JsonObject UpdateSet(string set, JsonNode key, int timeoutSeconds) => new()
    {
        ["set"] = new JsonObject
        {
            ["op"] = "update",
            ["elem"] = new JsonObject { ["elem"] = new JsonObject { ["val"] = key, ["timeout"] = timeoutSeconds } },
            ["set"] = "@" + set,
        },
    };

    /// <summary>A command (<c>add</c>, <c>delete</c>, <c>flush</c>, <c>list</c>) on one object.</summary>
    public static JsonObject Command(string verb, string kind, JsonObject body) => new() { [verb] = new JsonObject { [kind] = body } };

    /// <summary>The document libnftables runs as one transaction.</summary>
    public static string Document(IEnumerable<JsonNode> commands) =>
        new JsonObject { ["nftables"] = new JsonArray(commands.ToArray()) }.ToJsonString();

    /// <summary>
    /// Writes the document of <paramref name="commands"/> as UTF-8 into <paramref name="buffer"/>, a command at a
    /// time: a full table is megabytes, which as one string (and its UTF-8 copy) would land on the large object heap
    /// at every change.
    /// </summary>
    public static void Write(IEnumerable<JsonNode> commands, IBufferWriter<byte> buffer)
    {
        using var writer = new Utf8JsonWriter(buffer);
        writer.WriteStartObject();
        writer.WriteStartArray("nftables");
        foreach (var command in commands)
        {
            command.WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
