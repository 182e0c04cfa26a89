using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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

    [Fact]
    public void ServerLeavingThePlan_StaysDormantWhileConfigured_AndLeavesWhenUnconfigured()
    {
        var all = Configured(SchedulerAlgorithm.RoundRobin, 1, 2, 3);
        var before = LayoutPlanner.Layout(all, 1, 1, Id, null, NoCounts);
        var down = all with { Backends = [all.Backends[0], all.Backends[2]] };

        var dormant = LayoutPlanner.Layout(down, 1, 1, Id, before, NoCounts);
        var back = LayoutPlanner.Layout(all, 1, 1, Id, dormant, NoCounts);
        var unconfigured = LayoutPlanner.Layout(down with { Service = down.Service with { RealServers = [down.Service.RealServers[0], down.Service.RealServers[2]] } }, 1, 1, Id, dormant, NoCounts);

        Assert.Equal([1u, 3u], dormant.Known.Select(b => b.Id));
        Assert.Equal([2u], dormant.Dormant.Select(b => b.Id));
        Assert.False(dormant.SameRules(before));
        Assert.Empty(back.Dormant);
        Assert.Equal([1u, 2u, 3u], back.Live.Select(b => b.Id));
        Assert.Empty(unconfigured.Dormant);
    }

    [Property]
    public Property EveryConfiguredServerSeen_StaysHeld_AndOnlyThePlannedOnesAreKnown(NonEmptyArray<byte> raw)
    {
        var all = Configured(SchedulerAlgorithm.WeightedRoundRobin, 1, 2, 3, 4, 5);
        ServiceLayout? layout = null;
        var seen = new HashSet<uint>();
        var ok = true;
        foreach (var up in raw.Get.Take(20))
        {
            var plan = all with { Backends = all.Backends.Where((_, i) => (up & (1 << i)) != 0).ToList() };
            layout = LayoutPlanner.Layout(plan, 1, 1, Id, layout, NoCounts);
            seen.UnionWith(layout.Known.Select(b => b.Id));
            ok &= layout.Held.Select(b => b.Id).ToHashSet().SetEquals(seen)
                && layout.Known.Select(b => b.Id).SequenceEqual(plan.Backends.Select(b => Id(b.Server)));
        }

        return ok.ToProperty();
    }

    private static ServicePlan Configured(SchedulerAlgorithm algorithm, params int[] weights)
    {
        var plan = Plan(algorithm, weights);
        var servers = plan.Backends.Select(b => new RealServerDefinition(b.Server, b.Weight, false, ForwardingMethod.Nat, 1, null)).ToList();
        return plan with { Service = plan.Service with { RealServers = servers } };
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
