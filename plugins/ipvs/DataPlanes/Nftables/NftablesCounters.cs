using System.Text.Json.Nodes;

namespace Vigil.Plugins.Ipvs.DataPlanes.Nftables;

/// <summary>
/// Reads the counters out of nft's JSON listing of a table: the named counter objects by name; the elements of the
/// made set as <c>c_</c> and the backend id, those of the traffic set as <c>i_</c> (original direction) or <c>o_</c>
/// (reply) and the backend id. Pure.
/// </summary>
internal static class NftablesCounters
{
    /// <summary>Packets and bytes by counter name.</summary>
    public static IReadOnlyDictionary<string, (long Packets, long Bytes)> Parse(string json)
    {
        var counters = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json) || JsonNode.Parse(json)?["nftables"] is not JsonArray items)
        {
            return counters;
        }

        foreach (var item in items)
        {
            if (item?["counter"] is JsonObject counter && counter["name"]?.GetValue<string>() is { } name)
            {
                counters[name] = Values(counter);
            }
            else if (item?["set"] is JsonObject set && set["elem"] is JsonArray elements)
            {
                var setName = set["name"]?.GetValue<string>();
                foreach (var element in elements.Select(e => e?["elem"]).OfType<JsonObject>())
                {
                    if (element["counter"] is not JsonObject counted)
                    {
                        continue;
                    }

                    if (setName == NftablesRenderer.Made && element["val"] is JsonValue mark)
                    {
                        counters[$"c_{Id(mark)}"] = Values(counted);
                    }
                    else if (setName == NftablesRenderer.Traffic && element["val"]?["concat"] is JsonArray { Count: 2 } key)
                    {
                        counters[$"{(key[1]!.GetValue<string>() == "original" ? "i" : "o")}_{Id(key[0]!)}"] = Values(counted);
                    }
                }
            }
        }

        return counters;
    }

    private static uint Id(JsonNode mark) => mark.GetValue<uint>() & ~NftablesRenderer.MarkMask;

    private static (long Packets, long Bytes) Values(JsonObject counter) =>
        (counter["packets"]?.GetValue<long>() ?? 0, counter["bytes"]?.GetValue<long>() ?? 0);
}
