using System.Net;
using Vigil.Abstractions.VirtualServers;
using Vigil.Linux.Netlink.Conntrack;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;
using Vigil.Plugins.Ipvs.DataPlanes.Nftables;

namespace Vigil.Ipvs.Tests.DataPlanes.Nftables;

public sealed class LayoutPlannerTests
{
    private static readonly Dictionary<uint, ConnectionCount> NoCounts = [];

    [Fact]
    public void RoundRobin_IgnoresWeights_AndLeavesWeightZeroOut()
    {
        var layout = Layout(SchedulerAlgorithm.RoundRobin, 5, 0, 2);

        Assert.Equal(SpreadKind.InTurn, layout.Spread);
        Assert.Equal([1u, 3u], layout.Live.Select(b => b.Id));
        Assert.Equal([1, 1], layout.Shares);
        Assert.Equal(3, layout.Known.Count);
    }

    [Fact]
    public void WeightedRoundRobin_SharesAreWeights()
    {
        Assert.Equal([5, 2], Layout(SchedulerAlgorithm.WeightedRoundRobin, 5, 0, 2).Shares);
    }

    [Fact]
    public void NoServerTakingConnections_DropsNewOnes()
    {
        Assert.Equal(SpreadKind.None, Layout(SchedulerAlgorithm.WeightedRoundRobin, 0, 0).Spread);
    }

    [Fact]
    public void LeastConnection_UsesConntrackCounts()
    {
        var counts = new Dictionary<uint, ConnectionCount> { [1] = new(50, 0) };
        var layout = LayoutPlanner.Layout(Plan(SchedulerAlgorithm.LeastConnection, 1, 1), 1, 1, Id, null, counts);

        Assert.Equal(SpreadKind.Random, layout.Spread);
        Assert.True(layout.Shares[1] > layout.Shares[0]);
    }

    [Fact]
    public void SourceHashing_KeepsBucketsOfTheServersThatStay()
    {
        var before = Layout(SchedulerAlgorithm.SourceHashing, 1, 1, 1);
        var after = LayoutPlanner.Layout(Plan(SchedulerAlgorithm.SourceHashing, 1, 0, 1), 1, 2, Id, before, NoCounts);

        Assert.Equal(SpreadKind.Hash, after.Spread);
        Assert.All(Enumerable.Range(0, 256).Where(b => before.Buckets![b] != 2), b => Assert.Equal(before.Buckets![b], after.Buckets![b]));
        Assert.False(before.SameRules(after));
    }

    private static ServiceLayout Layout(SchedulerAlgorithm algorithm, params int[] weights) =>
        LayoutPlanner.Layout(Plan(algorithm, weights), 1, 1, Id, null, NoCounts);

    private static uint Id(RealServerKey server) => (uint)server.Address.GetAddressBytes()[3];

    private static ServicePlan Plan(SchedulerAlgorithm algorithm, params int[] weights)
    {
        var key = VirtualServerKey.ForEndpoint(IPAddress.Parse("10.0.0.100"), 80);
        var backends = weights.Select((w, i) => new BackendPlan(new RealServerKey(IPAddress.Parse($"10.0.1.{i + 1}"), 80), w, ForwardingMethod.Nat)).ToList();
        return new ServicePlan(new VirtualServerDefinition { Key = key, Endpoints = [key], Algorithm = algorithm }, backends);
    }
}
