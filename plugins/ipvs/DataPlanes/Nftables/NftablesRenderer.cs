using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;
using static Vigil.Plugins.Ipvs.DataPlanes.Nftables.NftJson;

namespace Vigil.Plugins.Ipvs.DataPlanes.Nftables;

/// <summary>
/// Writes the commands of Vigil's one nftables table, <c>inet vigil_lvs</c>, in the shape of the nftables kube-proxy:
/// verdict maps keyed by <c>daddr . l4proto . dport</c> (and by address alone for port-less services, by mark for
/// fwmark ones) jump to a chain per service, which spreads new connections over a chain per backend that marks the
/// connection, counts it, records persistence and rewrites the destination. Pure: it returns commands, the plane runs them.
/// </summary>
internal static class NftablesRenderer
{
    /// <summary>The table Vigil owns; nothing outside it is ever touched.</summary>
    public const string Table = "vigil_lvs";

    /// <summary>The set whose elements (ct mark . ct direction) count each backend's packets and bytes in and out.</summary>
    public const string Traffic = "traffic";

    /// <summary>The set whose elements (ct mark) count each backend's new connections: its first packets.</summary>
    public const string Made = "made";

    /// <summary>The tag in the high byte of the ct mark of every connection Vigil scheduled.</summary>
    public const uint MarkTag = 0x56000000;

    /// <summary>The mask that selects <see cref="MarkTag"/>.</summary>
    public const uint MarkMask = 0xff000000;

    private static readonly NftTable Own = new("inet", Table);

    /// <summary>The ct mark of connections sent to backend <paramref name="id"/>.</summary>
    public static uint Mark(uint id) => MarkTag | id;

    /// <summary>
    /// Recreates the table empty with its base chains and maps. Adding before deleting makes the delete succeed whether
    /// or not an earlier run left the table behind.
    /// </summary>
    public static IEnumerable<JsonNode> Bootstrap()
    {
        var table = Own.Self();
        yield return Command("add", "table", table.DeepClone().AsObject());
        yield return Command("delete", "table", table.DeepClone().AsObject());
        yield return Command("add", "table", table);
        yield return Map("services4", new JsonArray("ipv4_addr", "inet_proto", "inet_service"));
        yield return Map("services6", new JsonArray("ipv6_addr", "inet_proto", "inet_service"));
        yield return Map("hosts4", new JsonArray("ipv4_addr", "inet_proto"));
        yield return Map("hosts6", new JsonArray("ipv6_addr", "inet_proto"));
        yield return Map("marks", "mark");
        yield return CountingSet(Made, "mark");
        yield return CountingSet(Traffic, new JsonArray("mark", "ct_dir"));
        foreach (var (name, hook) in new[] { ("prerouting", "prerouting"), ("output", "output") })
        {
            yield return Own.BaseChain(name, "nat", hook, -100);
            yield return Own.Rule(name, Vmap(Concat(Payload("ip", "daddr"), Meta("l4proto"), Payload("th", "dport")), "@services4"));
            yield return Own.Rule(name, Vmap(Concat(Payload("ip6", "daddr"), Meta("l4proto"), Payload("th", "dport")), "@services6"));
            yield return Own.Rule(name, Vmap(Concat(Payload("ip", "daddr"), Meta("l4proto")), "@hosts4"));
            yield return Own.Rule(name, Vmap(Concat(Payload("ip6", "daddr"), Meta("l4proto")), "@hosts6"));
            yield return Own.Rule(name, Vmap(Meta("mark"), "@marks"));
        }

        // Every element of the traffic set carries a counter, which a lookup that finds the element counts into.
        yield return Own.BaseChain("counting", "filter", "forward", 0);
        yield return Own.Rule("counting", Match(Concat(Ct("mark"), Ct("direction")), "@" + Traffic));
    }

    /// <summary>The connection and traffic counters and the persistence set of a new backend.</summary>
    /// <remarks>
    /// Its connections and traffic are counted by elements of the made and traffic sets, not by named counters and a
    /// chain of its own: libnftables reads every chain and named object of the ruleset into its cache before it adds a
    /// rule, so each one would slow every later change, while a set's elements are only read for the interval sets.
    /// </remarks>
    public static IEnumerable<JsonNode> CreateBackend(uint id, VirtualServerDefinition service)
    {
        yield return Counted("add", Made, Mark(id));
        yield return Counted("add", Traffic, Concat(Mark(id), "original"), Concat(Mark(id), "reply"));
        if (service.Persistence is { } timeout)
        {
            var set = Own.Object($"p_{id}");
            set["type"] = service.Key.Family == AddressFamily.InterNetworkV6 ? "ipv6_addr" : "ipv4_addr";
            set["flags"] = new JsonArray("timeout");
            set["timeout"] = (int)timeout.TotalSeconds;
            set["size"] = 65535;
            yield return Command("add", "set", set);
        }
    }

    /// <summary>Removes everything <see cref="CreateBackend"/> made (its backend chain must be gone first).</summary>
    public static IEnumerable<JsonNode> DeleteBackend(uint id, VirtualServerDefinition service)
    {
        yield return Counted("delete", Made, Mark(id));
        yield return Counted("delete", Traffic, Concat(Mark(id), "original"), Concat(Mark(id), "reply"));
        if (service.Persistence is not null)
        {
            yield return Command("delete", "set", Own.Object($"p_{id}"));
        }
    }

    /// <summary>The service chain and the backend chain of every held backend, at <paramref name="layout"/>'s generation.</summary>
    public static IEnumerable<JsonNode> CreateChains(ServiceLayout layout)
    {
        foreach (var backend in layout.Held)
        {
            foreach (var command in CreateBackendChain(layout, backend))
            {
                yield return command;
            }
        }

        yield return Command("add", "chain", Own.Object(layout.Chain));
        foreach (var rule in ServiceRules(layout))
        {
            yield return rule;
        }
    }

    /// <summary>
    /// Replaces the service chain's rules with <paramref name="layout"/>'s. The flush and the new rules commit in one
    /// transaction, so a new connection meets either the old rules or the new ones, never an empty chain.
    /// </summary>
    public static IEnumerable<JsonNode> RewriteService(ServiceLayout layout)
    {
        yield return Command("flush", "chain", Own.Object(layout.Chain));
        foreach (var rule in ServiceRules(layout))
        {
            yield return rule;
        }
    }

    /// <summary>The chain of one backend at <paramref name="layout"/>'s generation: it marks, counts, records persistence and rewrites.</summary>
    public static IEnumerable<JsonNode> CreateBackendChain(ServiceLayout layout, LiveBackend backend)
    {
        var service = layout.Plan.Service;
        var chain = layout.BackendChain(backend.Id);
        yield return Command("add", "chain", Own.Object(chain));
        var statements = new List<JsonNode> { Mangle(Ct("mark"), Mark(backend.Id)) };
        if (service.Persistence is { } timeout)
        {
            statements.Add(UpdateSet($"p_{backend.Id}", ClientKey(service), (int)timeout.TotalSeconds));
        }

        yield return Own.Rule(chain, [.. statements]);

        // A rule of its own: should the element be missing, only the count is lost, not the rewrite below.
        yield return Own.Rule(chain, Match(Ct("mark"), "@" + Made));
        foreach (var rewrite in Destination(chain, service, backend.Plan))
        {
            yield return rewrite;
        }
    }

    /// <summary>Flushes and deletes one backend chain of <paramref name="layout"/>'s generation (nothing may jump to it any more).</summary>
    public static IEnumerable<JsonNode> DeleteBackendChain(ServiceLayout layout, uint id)
    {
        yield return Command("flush", "chain", Own.Object(layout.BackendChain(id)));
        yield return Command("delete", "chain", Own.Object(layout.BackendChain(id)));
    }

    /// <summary>
    /// True when a backend's chain reads the same for both definitions: everything of the service that
    /// <see cref="CreateBackendChain"/> renders (the backend's own address is part of its identity).
    /// </summary>
    public static bool SameBackendChains(VirtualServerDefinition before, VirtualServerDefinition after) =>
        before.Persistence == after.Persistence
        && Equals(before.PersistenceGranularity, after.PersistenceGranularity)
        && before.Key.Family == after.Key.Family
        && before.Key.Kind == after.Key.Kind
        && before.Protocol == after.Protocol;

    /// <summary>Flushes and deletes the chains of <paramref name="layout"/>'s generation (the service chain first: it references the others).</summary>
    public static IEnumerable<JsonNode> DeleteChains(ServiceLayout layout)
    {
        foreach (var chain in new[] { layout.Chain }.Concat(layout.Held.Select(b => layout.BackendChain(b.Id))))
        {
            yield return Command("flush", "chain", Own.Object(chain));
            yield return Command("delete", "chain", Own.Object(chain));
        }
    }

    /// <summary>Points (or with <paramref name="verb"/> <c>delete</c>, stops pointing) the service's entry points at <paramref name="chain"/>.</summary>
    public static IEnumerable<JsonNode> Bind(string verb, VirtualServerDefinition service, string chain)
    {
        foreach (var endpoint in service.Endpoints)
        {
            var verdict = verb == "add" ? Goto(chain) : null;
            if (endpoint.Kind == VirtualServerKind.Fwmark)
            {
                yield return Element(verb, "marks", endpoint.Fwmark, verdict);
                continue;
            }

            var v6 = endpoint.Family == AddressFamily.InterNetworkV6;
            var protocol = TransportProtocols.Name(endpoint.Protocol);
            var address = endpoint.Address!.ToString();
            yield return endpoint.Port == 0
                ? Element(verb, v6 ? "hosts6" : "hosts4", Concat(address, protocol), verdict)
                : Element(verb, v6 ? "services6" : "services4", Concat(address, protocol, endpoint.Port), verdict);
        }
    }

    /// <summary>Removes the table and everything in it (the plane is stopping).</summary>
    public static JsonNode DeleteTable() => Command("delete", "table", Own.Self());

    /// <summary>The JSON command that lists the table, counters included.</summary>
    public static string ListTable() => Document([Command("list", "table", Own.Self())]);

    private static IEnumerable<JsonNode> ServiceRules(ServiceLayout layout)
    {
        var service = layout.Plan.Service;
        if (service.Persistence is not null)
        {
            foreach (var backend in layout.Live)
            {
                yield return Own.Rule(layout.Chain, Match(ClientKey(service), "@" + $"p_{backend.Id}"), Goto(layout.BackendChain(backend.Id)));
            }
        }

        yield return Own.Rule(layout.Chain, Spread(layout));
    }

    private static JsonNode Spread(ServiceLayout layout)
    {
        var service = layout.Plan.Service;
        switch (layout.Spread)
        {
            case SpreadKind.None:
                return Drop();
            case SpreadKind.Hash:
                var over = service.Algorithm == SchedulerAlgorithm.DestinationHashing
                    ? Address(service, "daddr")
                    : service.Hashing.IncludePort ? Concat(Address(service, "saddr"), Payload("th", "sport")) : Address(service, "saddr");
                var runs = SlotPlanner.Runs(layout.Buckets!);
                return Vmap(Jhash(over, SlotPlanner.HashBuckets), Anonymous(runs.Select(r => (Slot(r.First, r.Last), (JsonNode)Goto(layout.BackendChain((uint)r.Owner))))));
            default:
                var ranges = SlotPlanner.Ranges(layout.Shares);
                var modulus = layout.Shares.Sum();
                if (ranges.Count == 1)
                {
                    return Goto(layout.BackendChain(layout.Live[ranges[0].Backend].Id));
                }

                var mode = layout.Spread == SpreadKind.InTurn ? "inc" : "random";
                return Vmap(Numgen(mode, modulus), Anonymous(ranges.Select(r => (Slot(r.First, r.Last), (JsonNode)Goto(layout.BackendChain(layout.Live[r.Backend].Id))))));
        }
    }

    private static IEnumerable<JsonNode> Destination(string chain, VirtualServerDefinition service, BackendPlan backend)
    {
        var v6 = backend.Server.Address.AddressFamily == AddressFamily.InterNetworkV6;
        var protocols = service.Key.Kind == VirtualServerKind.Fwmark ? new[] { "tcp", "udp", "sctp" } : [TransportProtocols.Name(service.Protocol)];
        foreach (var protocol in protocols)
        {
            var l4 = Match(Meta("l4proto"), protocol);
            var family = Match(Meta("nfproto"), v6 ? "ipv6" : "ipv4");
            if (IPAddress.IsLoopback(backend.Server.Address))
            {
                // A local sorry server: the packet stays on this host, on the server's port.
                yield return Own.Rule(chain, family, l4, new JsonObject { ["redirect"] = PortOnly(backend.Server.Port) });
                continue;
            }

            var dnat = new JsonObject { ["family"] = v6 ? "ip6" : "ip", ["addr"] = backend.Server.Address.ToString() };
            if (backend.Server.Port != 0)
            {
                dnat["port"] = backend.Server.Port;
            }

            yield return Own.Rule(chain, family, l4, new JsonObject { ["dnat"] = dnat });
        }
    }

    private static JsonObject? PortOnly(int port) => port == 0 ? null : new JsonObject { ["port"] = port };

    private static JsonNode ClientKey(VirtualServerDefinition service)
    {
        var source = Address(service, "saddr");
        return service.PersistenceGranularity is { } mask ? And(source, mask.ToString()) : source;
    }

    private static JsonObject Address(VirtualServerDefinition service, string field) =>
        Payload(service.Key.Family == AddressFamily.InterNetworkV6 ? "ip6" : "ip", field);

    private static JsonNode Slot(int first, int last) => first == last ? first : Range(first, last);


    private static JsonObject Map(string name, JsonNode type)
    {
        var map = Own.Object(name);
        map["type"] = type;
        map["map"] = "verdict";
        return Command("add", "map", map);
    }



    private static JsonObject CountingSet(string name, JsonNode type)
    {
        var set = Own.Object(name);
        set["type"] = type;
        set["stmt"] = new JsonArray(new JsonObject { ["counter"] = null });
        return Command("add", "set", set);
    }

    private static JsonObject Counted(string verb, string set, params JsonNode[] keys)
    {
        var elements = Own.Object(set);
        elements["elem"] = new JsonArray(keys);
        return Command(verb, "element", elements);
    }

    private static JsonObject Element(string verb, string map, JsonNode key, JsonNode? verdict)
    {
        var element = Own.Object(map);
        element["elem"] = verdict is null ? new JsonArray(key) : new JsonArray(new JsonArray(key, verdict));
        return Command(verb, "element", element);
    }
}
