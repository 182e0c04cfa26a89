using System.Text.Json.Nodes;

namespace Vigil.Plugins.Ipvs.DataPlanes.Nftables;

/// <summary>Reads the named counters out of nft's JSON listing of the table. Pure.</summary>
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
                counters[name] = (counter["packets"]?.GetValue<long>() ?? 0, counter["bytes"]?.GetValue<long>() ?? 0);
            }
        }

        return counters;
    }
}
