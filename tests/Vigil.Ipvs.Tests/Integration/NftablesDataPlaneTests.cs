using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;
using Vigil.Plugins.Ipvs.DataPlanes.Nftables;

namespace Vigil.Ipvs.Tests.Integration;

/// <summary>The nftables plane programming a real director namespace, with real nginx behind it and curl in front.</summary>
[Collection("netns")]
public sealed class NftablesDataPlaneTests
{
    private static readonly VirtualServerKey Key = VirtualServerKey.ForEndpoint(LbLab.Vip, 80);

    [Fact]
    public async Task RoundRobin_VisitsServersInExactOrder()
    {
        await using var lab = await LbLab.CreateAsync();
        await using var plane = await CreatePlaneAsync(lab);

        await plane.ApplyAsync([Plan(SchedulerAlgorithm.RoundRobin, (1, 1), (2, 1), (3, 1))], default);

        Assert.Equal(["rs1", "rs2", "rs3", "rs1", "rs2", "rs3"], await lab.GetManyAsync(6));
    }

    [Fact]
    public async Task WeightedRoundRobin_FollowsWeights_AndWeightZeroGetsNothing()
    {
        await using var lab = await LbLab.CreateAsync();
        await using var plane = await CreatePlaneAsync(lab);

        await plane.ApplyAsync([Plan(SchedulerAlgorithm.WeightedRoundRobin, (1, 3), (2, 1), (3, 0))], default);
        var names = await lab.GetManyAsync(8);

        Assert.Equal(6, names.Count(n => n == "rs1"));
        Assert.Equal(2, names.Count(n => n == "rs2"));
        Assert.DoesNotContain("rs3", names);
    }

    [Fact]
    public async Task SourceHashing_SendsOneClientToOneServer()
    {
        await using var lab = await LbLab.CreateAsync();
        await using var plane = await CreatePlaneAsync(lab);

        await plane.ApplyAsync([Plan(SchedulerAlgorithm.SourceHashing, (1, 1), (2, 1), (3, 1))], default);

        Assert.Single((await lab.GetManyAsync(6)).Distinct());
    }

    [Fact]
    public async Task Persistence_KeepsTheClientOnItsServerWithinTheTimeout()
    {
        await using var lab = await LbLab.CreateAsync();
        await using var plane = await CreatePlaneAsync(lab);
        var plan = Plan(SchedulerAlgorithm.RoundRobin, (1, 1), (2, 1), (3, 1));
        plan = plan with { Service = plan.Service with { Persistence = TimeSpan.FromSeconds(30) } };

        await plane.ApplyAsync([plan], default);

        Assert.Equal(["rs1", "rs1", "rs1", "rs1"], await lab.GetManyAsync(4));
    }

    [Fact]
    public async Task ServerLeavingTheRotation_TakesNoNewConnection_WhileAnOpenOneToAnotherKeepsFlowing()
    {
        await using var lab = await LbLab.CreateAsync();
        await using var plane = await CreatePlaneAsync(lab);
        await plane.ApplyAsync([Plan(SchedulerAlgorithm.RoundRobin, (1, 1), (2, 1), (3, 1))], default);

        // One keep-alive connection (to rs1, the first in turn) making a request every 200 ms for 3 s.
        var urls = Enumerable.Repeat($"http://{LbLab.Vip}/", 15).ToArray();
        var stream = lab.Lab.RunAsync(lab.Client, ["curl", "-s", "--max-time", "10", "--rate", "5/s", .. urls]);
        await Task.Delay(1000);
        await plane.ApplyAsync([Plan(SchedulerAlgorithm.RoundRobin, (1, 1), (3, 1))], default);
        var fresh = await lab.GetManyAsync(4);
        var streamed = await stream;

        Assert.Equal(0, streamed.ExitCode);
        Assert.Equal(Enumerable.Repeat("rs1", 15), streamed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["rs1", "rs3", "rs1", "rs3"], fresh);
    }

    [Fact]
    public async Task SorryServer_OnLoopback_AnswersWhenItIsTheOnlyBackend()
    {
        await using var lab = await LbLab.CreateAsync();
        await using var plane = await CreatePlaneAsync(lab);
        var sorry = new BackendPlan(new RealServerKey(System.Net.IPAddress.Loopback, 80), 1, ForwardingMethod.Nat, IsSorryServer: true);
        var plan = Plan(SchedulerAlgorithm.RoundRobin, (1, 0), (2, 0));

        await plane.ApplyAsync([plan with { Backends = [.. plan.Backends, sorry] }], default);

        Assert.Equal(["sorry", "sorry"], await lab.GetManyAsync(2));
    }

    [Fact]
    public async Task Counters_CountConnectionsPacketsAndBytesPerServer()
    {
        await using var lab = await LbLab.CreateAsync();
        await using var plane = await CreatePlaneAsync(lab);
        await plane.ApplyAsync([Plan(SchedulerAlgorithm.RoundRobin, (1, 1), (2, 1))], default);

        await lab.GetManyAsync(4);
        var counters = await plane.ReadCountersAsync(default);

        Assert.All(counters, c =>
        {
            Assert.Equal(Key, c.Service);
            Assert.Equal(2, c.Connections);
            Assert.True(c.PacketsIn >= 6, $"{c.Server}: {c.PacketsIn} packets in");
            Assert.True(c.BytesOut > 0, $"{c.Server}: no bytes out");
        });
        Assert.Equal(2, counters.Count);
    }

    [Fact]
    public async Task RemovingEveryService_LeavesNoRuleBehind_AndDisposeDropsTheTable()
    {
        await using var lab = await LbLab.CreateAsync();
        var plane = await CreatePlaneAsync(lab);
        await plane.ApplyAsync([Plan(SchedulerAlgorithm.RoundRobin, (1, 1), (2, 1))], default);

        await plane.ApplyAsync([], default);
        var listing = await lab.Lab.RunCheckedAsync(lab.Director, "nft", "list", "table", "inet", "vigil_lvs");
        await plane.DisposeAsync();
        var after = await lab.Lab.RunAsync(lab.Director, "nft", "list", "tables");

        Assert.DoesNotContain("svc_", listing.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("be_", listing.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("vigil_lvs", after.Stdout, StringComparison.Ordinal);
        // Nothing redirects the VIP any more: the director's own web server answers it.
        Assert.Equal("sorry", await lab.GetAsync());
    }

    [Fact]
    public async Task RefusedChange_ThrowsAndKeepsTheProgrammedServices()
    {
        await using var lab = await LbLab.CreateAsync();
        await using var plane = await CreatePlaneAsync(lab);
        await plane.ApplyAsync([Plan(SchedulerAlgorithm.RoundRobin, (1, 1))], default);
        
        // A base chain where the next service's chain would go: the kernel refuses a jump to it.
        await lab.Lab.RunCheckedAsync(lab.Director, "nft", "add chain inet vigil_lvs svc_2_1 { type filter hook input priority 0; }");

        var other = Plan(SchedulerAlgorithm.RoundRobin, (2, 1)) with
        {
            Service = Plan(SchedulerAlgorithm.RoundRobin).Service with { Key = VirtualServerKey.ForEndpoint(LbLab.Vip, 8080), Endpoints = [VirtualServerKey.ForEndpoint(LbLab.Vip, 8080)] },
        };

        await Assert.ThrowsAsync<DataPlaneException>(() => plane.ApplyAsync([Plan(SchedulerAlgorithm.RoundRobin, (1, 1)), other], default));
        Assert.Equal("rs1", await lab.GetAsync());
    }

    private static Task<IDataPlane> CreatePlaneAsync(LbLab lab) =>
        lab.Lab.InNamespaceAsync(lab.Director, () => new NftablesDataPlaneProvider().Create());

    private static ServicePlan Plan(SchedulerAlgorithm algorithm, params (int Server, int Weight)[] servers)
    {
        var real = servers.Select(s => new RealServerDefinition(new RealServerKey(LbLab.RealServerAddress(s.Server), 80), s.Weight, false, ForwardingMethod.Nat, 0, null)).ToList();
        var service = new VirtualServerDefinition { Key = Key, Endpoints = [Key], Algorithm = algorithm, RealServers = real };
        return new ServicePlan(service, real.Select(r => new BackendPlan(r.Key, r.Weight, ForwardingMethod.Nat)).ToList());
    }
}
