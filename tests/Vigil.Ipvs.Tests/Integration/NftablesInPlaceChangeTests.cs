using System.Text.RegularExpressions;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;
using Vigil.Plugins.Ipvs.DataPlanes.Nftables;

namespace Vigil.Ipvs.Tests.Integration;

/// <summary>
/// The nftables plane's common changes (a server failing its check and coming back, weights changing) against a real
/// director namespace: they rewrite the service chain in place, keep every backend's chains and counters, and leave
/// open connections alone.
/// </summary>
[Collection("netns")]
public sealed partial class NftablesInPlaceChangeTests
{
    private static readonly VirtualServerKey Key = VirtualServerKey.ForEndpoint(LbLab.Vip, 80);

    [Fact]
    public async Task ServerFailingAndComingBack_KeepsEveryChain_AndRejoinsTheRotation()
    {
        await using var lab = await LbLab.CreateAsync();
        await using var plane = await CreatePlaneAsync(lab);
        await plane.ApplyAsync([Plan((1, 1), (2, 1), (3, 1))], default);
        var chains = await ChainsAsync(lab);

        await plane.ApplyAsync([Plan((1, 1), (3, 1))], default);
        var whileDown = await ChainsAsync(lab);
        var downNames = await lab.GetManyAsync(4);
        await plane.ApplyAsync([Plan((1, 1), (2, 1), (3, 1))], default);
        var backNames = await lab.GetManyAsync(6);

        Assert.Equal(["be_1_1", "be_2_1", "be_3_1", "svc_1_1"], chains);
        Assert.Equal(chains, whileDown);
        Assert.Equal(chains, await ChainsAsync(lab));
        Assert.Equal(["rs1", "rs3", "rs1", "rs3"], downNames);
        Assert.Equal(3, backNames.Distinct().Count());
    }

    [Fact]
    public async Task OpenConnection_ToAServerFailingItsCheck_KeepsFlowing_WhileNewOnesGoElsewhere()
    {
        await using var lab = await LbLab.CreateAsync();
        await using var plane = await CreatePlaneAsync(lab);
        await plane.ApplyAsync([Plan((1, 1), (2, 1), (3, 1))], default);

        // One keep-alive connection (to rs1, the first in turn) making a request every 200 ms for 3 s.
        var urls = Enumerable.Repeat($"http://{LbLab.Vip}/", 15).ToArray();
        var stream = lab.Lab.RunAsync(lab.Client, ["curl", "-s", "--max-time", "10", "--rate", "5/s", .. urls]);
        await Task.Delay(1000);
        await plane.ApplyAsync([Plan((2, 1), (3, 1))], default);
        var fresh = await lab.GetManyAsync(4);
        var streamed = await stream;

        Assert.Equal(0, streamed.ExitCode);
        Assert.Equal(Enumerable.Repeat("rs1", 15), streamed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("rs1", fresh);
    }

    [Fact]
    public async Task Counters_KeepCounting_AcrossWeightAndHealthChanges()
    {
        await using var lab = await LbLab.CreateAsync();
        await using var plane = await CreatePlaneAsync(lab);
        await plane.ApplyAsync([Plan((1, 1), (2, 1))], default);
        await lab.GetManyAsync(2);
        var before = (await plane.ReadCountersAsync(default)).Single(c => c.Server.Address.Equals(LbLab.RealServerAddress(1)));

        await plane.ApplyAsync([Plan((1, 3), (2, 1))], default);
        await plane.ApplyAsync([Plan((1, 3))], default);
        await lab.GetManyAsync(2);
        var after = (await plane.ReadCountersAsync(default)).Single(c => c.Server.Address.Equals(LbLab.RealServerAddress(1)));

        Assert.Equal(1, before.Connections);
        Assert.Equal(3, after.Connections);
        Assert.True(after.PacketsIn > before.PacketsIn, $"{before.PacketsIn} then {after.PacketsIn} packets in");
        Assert.True(after.BytesOut > before.BytesOut, $"{before.BytesOut} then {after.BytesOut} bytes out");
    }

    private static Task<IDataPlane> CreatePlaneAsync(LbLab lab) =>
        lab.Lab.InNamespaceAsync(lab.Director, () => new NftablesDataPlaneProvider().Create());

    private static async Task<List<string>> ChainsAsync(LbLab lab)
    {
        var listing = await lab.Lab.RunCheckedAsync(lab.Director, "nft", "list", "table", "inet", NftablesRenderer.Table);
        return ChainName().Matches(listing.Stdout).Select(m => m.Groups[1].Value).Where(n => n.StartsWith("svc_", StringComparison.Ordinal) || n.StartsWith("be_", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }

    // Every server of the three stays configured; the plan carries the ones up (weight as given).
    private static ServicePlan Plan(params (int Server, int Weight)[] up)
    {
        var real = Enumerable.Range(1, 3).Select(i => new RealServerDefinition(new RealServerKey(LbLab.RealServerAddress(i), 80), 1, false, ForwardingMethod.Nat, 1, null)).ToList();
        var service = new VirtualServerDefinition { Key = Key, Endpoints = [Key], Algorithm = SchedulerAlgorithm.WeightedRoundRobin, RealServers = real };
        return new ServicePlan(service, up.Select(s => new BackendPlan(real[s.Server - 1].Key, s.Weight, ForwardingMethod.Nat)).ToList());
    }

    [GeneratedRegex(@"chain (\S+) \{")]
    private static partial Regex ChainName();
}
