using System.Net.Sockets;
using System.Text.Json.Nodes;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;
using static Vigil.Plugins.Ipvs.DataPlanes.Nftables.NftJson;

namespace Vigil.Plugins.Ipvs.DataPlanes.Nftables;

/// <summary>
/// Writes Vigil's netdev table, <c>netdev vigil_lvs_dr</c>: an ingress chain per interface that real servers sit on,
/// matching each DR service's address, protocol and port and sending the frame, its MACs rewritten, straight back out
/// to the backend its hash bucket names (<c>ether daddr set … fwd to</c>). The table is rebuilt whole, in the same
/// transaction as the rest of a change. Pure.
/// </summary>
internal static class DirectRoutingRenderer
{
    /// <summary>The netdev table Vigil owns.</summary>
    public const string Table = "vigil_lvs_dr";

    private static readonly NftTable Own = new("netdev", Table);

    /// <summary>Recreates the table with exactly <paramref name="services"/> (none: the table is removed).</summary>
    public static IEnumerable<JsonNode> Rebuild(IReadOnlyList<DirectRoutingService> services)
    {
        var table = Own.Self();
        yield return Command("add", "table", table.DeepClone().AsObject());
        yield return Command("delete", "table", table.DeepClone().AsObject());
        if (services.Count == 0)
        {
            yield break;
        }

        yield return Command("add", "table", table);
        var backends = services.SelectMany(s => s.Backends).DistinctBy(b => b.Id).ToList();
        foreach (var backend in backends)
        {
            yield return Command("add", "counter", Own.Object($"d_{backend.Id}"));
            var chain = $"dr_{backend.Id}";
            yield return Command("add", "chain", Own.Object(chain));
            yield return Own.Rule(chain,
                Counter($"d_{backend.Id}"),
                Mangle(Payload("ether", "saddr"), Mac(backend.Hop.InterfaceMac)),
                Mangle(Payload("ether", "daddr"), Mac(backend.Hop.HostMac)),
                new JsonObject { ["fwd"] = new JsonObject { ["dev"] = backend.Hop.Interface } });
        }

        foreach (var device in backends.Select(b => b.Hop.Interface).Distinct(StringComparer.Ordinal))
        {
            yield return Own.BaseChain($"in_{device}", "filter", "ingress", 0, device);
            foreach (var service in services.Where(s => s.Backends.Any(b => b.Hop.Interface == device)))
            {
                foreach (var endpoint in service.Service.Endpoints)
                {
                    yield return Own.Rule($"in_{device}", [.. Matches(endpoint), Spread(service)]);
                }
            }
        }
    }

    /// <summary>The JSON command that lists the table, its counters included.</summary>
    public static string ListTable() => Document([Command("list", "table", Own.Self())]);

    private static IEnumerable<JsonNode> Matches(VirtualServerKey endpoint)
    {
        var ip = endpoint.Family == AddressFamily.InterNetworkV6 ? "ip6" : "ip";
        yield return Match(Payload(ip, "daddr"), endpoint.Address!.ToString());
        yield return Match(Meta("l4proto"), TransportProtocols.Name(endpoint.Protocol));
        if (endpoint.Port != 0)
        {
            yield return Match(Payload("th", "dport"), endpoint.Port);
        }
    }

    private static JsonNode Spread(DirectRoutingService service)
    {
        var definition = service.Service;
        var ip = definition.Key.Family == AddressFamily.InterNetworkV6 || definition.Endpoints.Any(e => e.Family == AddressFamily.InterNetworkV6) ? "ip6" : "ip";
        var source = Payload(ip, "saddr");
        JsonNode over = definition switch
        {
            { Algorithm: SchedulerAlgorithm.DestinationHashing } => Payload(ip, "daddr"),
            { Persistence: not null, PersistenceGranularity: { } mask } => And(source, mask.ToString()),
            { Persistence: not null } => source,
            { Algorithm: SchedulerAlgorithm.SourceHashing or SchedulerAlgorithm.Maglev, Hashing.IncludePort: false } => source,
            _ => Concat(source, Payload("th", "sport")),
        };
        var runs = SlotPlanner.Runs(service.Buckets);
        return Vmap(Jhash(over, SlotPlanner.HashBuckets),
            Anonymous(runs.Select(r => (r.First == r.Last ? (JsonNode)r.First : Range(r.First, r.Last), (JsonNode)Goto($"dr_{r.Owner}")))));
    }

    private static string Mac(byte[] mac) => string.Join(':', mac.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));


}
