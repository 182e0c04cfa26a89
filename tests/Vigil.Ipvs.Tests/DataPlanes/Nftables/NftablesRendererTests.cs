using System.Net;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes.Nftables;

namespace Vigil.Ipvs.Tests.DataPlanes.Nftables;

public sealed class NftablesRendererTests
{
    [Fact]
    public void Bootstrap_RecreatesOnlyItsOwnTable()
    {
        var commands = NftablesRenderer.Bootstrap().Select(c => c.ToJsonString()).ToList();

        Assert.Equal("""{"add":{"table":{"family":"inet","name":"vigil_lvs"}}}""", commands[0]);
        Assert.Equal("""{"delete":{"table":{"family":"inet","name":"vigil_lvs"}}}""", commands[1]);
        Assert.All(commands, c => Assert.Contains("\"vigil_lvs\"", c, StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_KeysByAddressProtocolAndPort_OrByAddressForPortlessServices_OrByMark()
    {
        var service = new VirtualServerDefinition
        {
            Key = VirtualServerKey.ForGroup("web"),
            Endpoints =
            [
                VirtualServerKey.ForEndpoint(IPAddress.Parse("10.0.0.1"), 80),
                VirtualServerKey.ForEndpoint(IPAddress.Parse("2001:db8::1"), 0, TransportProtocol.Udp),
                VirtualServerKey.ForFwmark(7),
            ],
        };

        var added = NftablesRenderer.Bind("add", service, "svc_1_1").Select(c => c.ToJsonString()).ToList();
        var deleted = NftablesRenderer.Bind("delete", service, "svc_1_1").Select(c => c.ToJsonString()).ToList();

        Assert.Equal(
            [
                """{"add":{"element":{"family":"inet","table":"vigil_lvs","name":"services4","elem":[[{"concat":["10.0.0.1","tcp",80]},{"goto":{"target":"svc_1_1"}}]]}}}""",
                """{"add":{"element":{"family":"inet","table":"vigil_lvs","name":"hosts6","elem":[[{"concat":["2001:db8::1","udp"]},{"goto":{"target":"svc_1_1"}}]]}}}""",
                """{"add":{"element":{"family":"inet","table":"vigil_lvs","name":"marks","elem":[[7,{"goto":{"target":"svc_1_1"}}]]}}}""",
            ],
            added);
        Assert.Equal("""{"delete":{"element":{"family":"inet","table":"vigil_lvs","name":"services4","elem":[{"concat":["10.0.0.1","tcp",80]}]}}}""", deleted[0]);
    }

    [Fact]
    public void BackendChain_MarksCountsRecordsPersistenceAndRewrites()
    {
        var key = VirtualServerKey.ForEndpoint(IPAddress.Parse("10.0.0.100"), 80);
        var service = new VirtualServerDefinition { Key = key, Endpoints = [key], Persistence = TimeSpan.FromSeconds(300), PersistenceGranularity = IPAddress.Parse("255.255.255.0") };
        var backend = new Vigil.Plugins.Ipvs.DataPlanes.BackendPlan(new RealServerKey(IPAddress.Parse("10.0.1.1"), 8080), 1, ForwardingMethod.Nat);
        var layout = new ServiceLayout(1, 4, new Vigil.Plugins.Ipvs.DataPlanes.ServicePlan(service, [backend]), [new LiveBackend(backend, 9)], [new LiveBackend(backend, 9)], SpreadKind.InTurn, [1], null);

        // System.Text.Json escapes '&' as \u0026, which nft's JSON parser reads back as '&'.
        var json = string.Join("\n", NftablesRenderer.CreateChains(layout).Select(c => c.ToJsonString())).Replace("\\u0026", "&", StringComparison.Ordinal);

        Assert.Contains("""{"mangle":{"key":{"ct":{"key":"mark"}},"value":1442840585}}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"set":{"op":"update","elem":{"elem":{"val":{"&":[{"payload":{"protocol":"ip","field":"saddr"}},"255.255.255.0"]},"timeout":300}},"set":"@p_9"}}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"match":{"op":"==","left":{"ct":{"key":"mark"}},"right":"@made"}}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"dnat":{"family":"ip","addr":"10.0.1.1","port":8080}}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"goto":{"target":"be_9_4"}}""", json, StringComparison.Ordinal);
        Assert.Equal(NftablesRenderer.MarkTag | 9, 1442840585u);
    }

    [Fact]
    public void RewriteService_FlushesAndRefillsTheServiceChainAlone()
    {
        var layout = Layout(SpreadKind.InTurn, [2, 1]);

        var commands = NftablesRenderer.RewriteService(layout).Select(c => c.ToJsonString()).ToList();

        Assert.Equal("""{"flush":{"chain":{"family":"inet","table":"vigil_lvs","name":"svc_1_3"}}}""", commands[0]);
        Assert.All(commands.Skip(1), c => Assert.StartsWith("""{"add":{"rule":{"family":"inet","table":"vigil_lvs","chain":"svc_1_3",""", c, StringComparison.Ordinal));
        Assert.Contains("""{"goto":{"target":"be_9_3"}}""", commands[1], StringComparison.Ordinal);
        Assert.Contains("""{"goto":{"target":"be_10_3"}}""", commands[1], StringComparison.Ordinal);
    }

    [Fact]
    public void CreateBackend_CountsInSetElements_WithoutNamedObjectsOrChains()
    {
        var key = VirtualServerKey.ForEndpoint(IPAddress.Parse("10.0.0.100"), 80);
        var service = new VirtualServerDefinition { Key = key, Endpoints = [key] };

        var commands = NftablesRenderer.CreateBackend(9, service).Select(c => c.ToJsonString()).ToList();

        Assert.Equal(
            [
                """{"add":{"element":{"family":"inet","table":"vigil_lvs","name":"made","elem":[1442840585]}}}""",
                """{"add":{"element":{"family":"inet","table":"vigil_lvs","name":"traffic","elem":[{"concat":[1442840585,"original"]},{"concat":[1442840585,"reply"]}]}}}""",
            ],
            commands);
        Assert.Equal(
            [
                """{"delete":{"element":{"family":"inet","table":"vigil_lvs","name":"made","elem":[1442840585]}}}""",
                """{"delete":{"element":{"family":"inet","table":"vigil_lvs","name":"traffic","elem":[{"concat":[1442840585,"original"]},{"concat":[1442840585,"reply"]}]}}}""",
            ],
            NftablesRenderer.DeleteBackend(9, service).Select(c => c.ToJsonString()));
    }

    [Fact]
    public void CreateChains_MakesAChainForEveryHeldBackend_DormantOnesIncluded()
    {
        var layout = Layout(SpreadKind.InTurn, [1]) with { Dormant = [Backend(11, 0)] };

        var chains = NftablesRenderer.CreateChains(layout).Select(c => c.ToJsonString()).Where(c => c.StartsWith("""{"add":{"chain""", StringComparison.Ordinal)).ToList();
        var deleted = NftablesRenderer.DeleteChains(layout).Select(c => c.ToJsonString()).Where(c => c.StartsWith("""{"delete""", StringComparison.Ordinal)).ToList();

        Assert.Equal(["be_9_3", "be_11_3", "svc_1_3"], chains.Select(c => System.Text.Json.Nodes.JsonNode.Parse(c)!["add"]!["chain"]!["name"]!.GetValue<string>()));
        Assert.Equal(3, deleted.Count);
    }

    [Fact]
    public void SameBackendChains_IgnoresWeightsAndServers_ButNotWhatTheBackendChainSays()
    {
        var key = VirtualServerKey.ForEndpoint(IPAddress.Parse("10.0.0.100"), 80);
        var service = new VirtualServerDefinition { Key = key, Endpoints = [key], Persistence = TimeSpan.FromSeconds(60) };
        var server = new RealServerDefinition(new RealServerKey(IPAddress.Parse("10.0.1.1"), 80), 1, false, ForwardingMethod.Nat, 1, null);

        Assert.True(NftablesRenderer.SameBackendChains(service, service with { RealServers = [server], Algorithm = SchedulerAlgorithm.SourceHashing }));
        Assert.False(NftablesRenderer.SameBackendChains(service, service with { PersistenceGranularity = IPAddress.Parse("255.255.255.0") }));
        Assert.False(NftablesRenderer.SameBackendChains(service, service with { Persistence = TimeSpan.FromSeconds(30) }));
        Assert.False(NftablesRenderer.SameBackendChains(service, service with { Protocol = TransportProtocol.Udp }));
    }

    private static LiveBackend Backend(uint id, int weight) =>
        new(new Vigil.Plugins.Ipvs.DataPlanes.BackendPlan(new RealServerKey(IPAddress.Parse($"10.0.1.{id}"), 8080), weight, ForwardingMethod.Nat), id);

    private static ServiceLayout Layout(SpreadKind spread, int[] weights)
    {
        var key = VirtualServerKey.ForEndpoint(IPAddress.Parse("10.0.0.100"), 80);
        var service = new VirtualServerDefinition { Key = key, Endpoints = [key], Algorithm = SchedulerAlgorithm.WeightedRoundRobin };
        var backends = weights.Select((w, i) => Backend((uint)(9 + i), w)).ToList();
        return new ServiceLayout(1, 3, new Vigil.Plugins.Ipvs.DataPlanes.ServicePlan(service, backends.Select(b => b.Plan).ToList()), backends, backends, spread, weights, null);
    }
}
