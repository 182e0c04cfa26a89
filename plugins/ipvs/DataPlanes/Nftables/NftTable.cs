using System.Text.Json.Nodes;
using static Vigil.Plugins.Ipvs.DataPlanes.Nftables.NftJson;

namespace Vigil.Plugins.Ipvs.DataPlanes.Nftables;

/// <summary>One of Vigil's nftables tables, for writing the JSON of the objects in it.</summary>
/// <param name="Family">The table's family (<c>inet</c>, <c>netdev</c>).</param>
/// <param name="Name">The table's name.</param>
internal sealed record NftTable(string Family, string Name)
{
    /// <summary>The table's own body, for <c>add</c>, <c>delete</c> and <c>list table</c>.</summary>
    public JsonObject Self() => new() { ["family"] = Family, ["name"] = Name };

    /// <summary>The identifying body of an object (chain, set, map, counter, element list) named <paramref name="name"/>.</summary>
    public JsonObject Object(string name) => new() { ["family"] = Family, ["table"] = Name, ["name"] = name };

    /// <summary><c>add rule</c> of <paramref name="statements"/> to <paramref name="chain"/>.</summary>
    public JsonObject Rule(string chain, params JsonNode[] statements) => Command("add", "rule", new JsonObject
    {
        ["family"] = Family,
        ["table"] = Name,
        ["chain"] = chain,
        ["expr"] = new JsonArray(statements),
    });

    /// <summary><c>add chain</c> of a base chain with policy accept, on <paramref name="device"/> for netdev hooks.</summary>
    public JsonObject BaseChain(string name, string type, string hook, int priority, string? device = null)
    {
        var chain = Object(name);
        chain["type"] = type;
        chain["hook"] = hook;
        if (device is not null)
        {
            chain["dev"] = device;
        }

        chain["prio"] = priority;
        chain["policy"] = "accept";
        return Command("add", "chain", chain);
    }
}
