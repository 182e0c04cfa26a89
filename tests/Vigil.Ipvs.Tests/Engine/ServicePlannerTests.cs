using Vigil.Abstractions.Events;
using Vigil.Abstractions.State;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.Engine;
using static Vigil.Ipvs.Tests.Engine.Defs;

namespace Vigil.Ipvs.Tests.Engine;

public sealed class ServicePlannerTests
{
    [Fact]
    public void NoCheckers_AllServersUp_InConfigurationOrder_WithTheirWeights()
    {
        var vs = Service("10.1.0.93:80", Real("10.0.0.1:80", 3, checkers: 0), Real("10.0.0.2:80", 2, checkers: 0));
        var e = ServicePlanner.Evaluate(vs, new FakeSnapshot(), null);
        Assert.Equal(["10.0.0.1:80", "10.0.0.2:80"], e.Plan!.Backends.Select(b => b.Server.ToString()));
        Assert.Equal([3, 2], e.Plan.Backends.Select(b => b.Weight));
        Assert.True(e.QuorumUp);
        Assert.Equal(5, e.LiveWeight);
        Assert.All(e.Servers, s => Assert.Equal("no checker", s.Reason));
    }

    [Fact]
    public void WithCheckers_NotCheckedYet_IsUp_UnlessAlpha()
    {
        var vs = Service("10.1.0.93:80", Real("10.0.0.1:80"));
        Assert.True(ServicePlanner.Evaluate(vs, new FakeSnapshot(), null).Servers[0].Healthy);
        var alpha = ServicePlanner.Evaluate(vs with { Alpha = true }, new FakeSnapshot(), null);
        Assert.False(alpha.Servers[0].Healthy);
        Assert.Empty(alpha.Plan!.Backends);
        Assert.Contains("alpha", alpha.Servers[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DownServer_LeavesTheService_OrStaysAtWeightZeroWithInhibit()
    {
        var vs = Service("10.1.0.93:80", Real("10.0.0.1:80"), Real("10.0.0.2:80", inhibit: true), Real("10.0.0.3:80"));
        var snapshot = new FakeSnapshot()
            .With(StateKeys.RealServerHealth(vs.Key, Rs("10.0.0.1:80")), new RealServerHealth(vs.Key, Rs("10.0.0.1:80"), false, 1, "HTTP_GET", "connect timeout"))
            .With(StateKeys.RealServerHealth(vs.Key, Rs("10.0.0.2:80")), new RealServerHealth(vs.Key, Rs("10.0.0.2:80"), false, 1, "HTTP_GET", "bad status 503"));
        var e = ServicePlanner.Evaluate(vs, snapshot, true);
        Assert.Equal(["10.0.0.2:80", "10.0.0.3:80"], e.Plan!.Backends.Select(b => b.Server.ToString()));
        Assert.Equal([0, 1], e.Plan.Backends.Select(b => b.Weight));
        Assert.Equal("HTTP_GET: connect timeout", e.Servers[0].Reason);
        Assert.Contains("inhibited at weight 0", e.Servers[1].Reason, StringComparison.Ordinal);
        Assert.Equal(1, e.LiveWeight);
    }

    [Fact]
    public void DynamicWeight_FromTheChecker_IsProgrammed_AndAnOperatorsWeightOutranksIt()
    {
        var vs = Service("10.1.0.93:80", Real("10.0.0.1:80", 5));
        var rs = Rs("10.0.0.1:80");
        var snapshot = new FakeSnapshot().With(StateKeys.RealServerHealth(vs.Key, rs), new RealServerHealth(vs.Key, rs, true, 9, "MISC_CHECK", "exit code 11"));
        Assert.Equal(9, ServicePlanner.Evaluate(vs, snapshot, true).Plan!.Backends[0].Weight);
        snapshot.With(StateKeys.RealServerOverride(vs.Key, rs), new RealServerOverride(vs.Key, rs, false, 2, "rs weight"));
        Assert.Equal(2, ServicePlanner.Evaluate(vs, snapshot, true).Plan!.Backends[0].Weight);
    }

    [Fact]
    public void DrainedServer_StaysAtWeightZero_AndDoesNotCountForQuorum()
    {
        var vs = Service("10.1.0.93:80", Real("10.0.0.1:80", 2, checkers: 0), Real("10.0.0.2:80", 2, checkers: 0)) with { Quorum = 3 };
        var rs = Rs("10.0.0.1:80");
        var snapshot = new FakeSnapshot().With(StateKeys.RealServerOverride(vs.Key, rs), new RealServerOverride(vs.Key, rs, true, null, "batch 1"));
        var e = ServicePlanner.Evaluate(vs, snapshot, true);
        Assert.Equal([0, 2], e.Plan!.Backends.Select(b => b.Weight));
        Assert.True(e.Servers[0].Drained);
        Assert.Equal("drained (batch 1)", e.Servers[0].Reason);
        Assert.Equal(2, e.LiveWeight);
        Assert.False(e.QuorumUp);
    }

    [Fact]
    public void AllDown_SorryServerServes_AndLiveOnesAreNotRemoved()
    {
        var vs = Seedlike() with { RealServers = [Real("10.1.0.69:80", inhibit: true), Real("10.1.0.71:80")] };
        var snapshot = Down(vs, "10.1.0.69:80", "10.1.0.71:80");
        var e = ServicePlanner.Evaluate(vs, snapshot, true);
        Assert.False(e.QuorumUp);
        Assert.True(e.SorryActive);
        var sorry = Assert.Single(e.Plan!.Backends, b => b.IsSorryServer);
        Assert.Equal("127.0.0.1:80", sorry.Server.ToString());
        Assert.Equal(1, sorry.Weight);
        Assert.Equal(ForwardingMethod.Nat, sorry.Method);
        Assert.All(e.Plan.Backends.Where(b => !b.IsSorryServer), b => Assert.Equal(0, b.Weight));
    }

    [Fact]
    public void QuorumLostWithLiveServers_TheyGoToWeightZeroWhileTheSorryServerServes()
    {
        var vs = Seedlike() with { Quorum = 2 };
        var e = ServicePlanner.Evaluate(vs, Down(vs, "10.1.0.69:80", "10.1.0.71:80"), true);
        Assert.True(e.SorryActive);
        Assert.Equal(0, e.Plan!.Backends.Single(b => b.Server.ToString() == "10.1.0.72:80").Weight);
        Assert.Equal(1, e.LiveWeight);
    }

    [Fact]
    public void SorryServer_IsAbsentWhileQuorumHolds_OrAtWeightZeroWithInhibit()
    {
        var vs = Seedlike();
        Assert.DoesNotContain(ServicePlanner.Evaluate(vs, new FakeSnapshot(), null).Plan!.Backends, b => b.IsSorryServer);
        var inhibited = ServicePlanner.Evaluate(vs with { SorryServerInhibit = true }, new FakeSnapshot(), null);
        Assert.Equal(0, Assert.Single(inhibited.Plan!.Backends, b => b.IsSorryServer).Weight);
    }

    [Fact]
    public void NonLoopbackSorryServer_UsesTheServicesMethod()
    {
        var vs = Seedlike() with { SorryServer = Rs("10.1.0.80:80") };
        var e = ServicePlanner.Evaluate(vs, Down(vs, "10.1.0.69:80", "10.1.0.71:80", "10.1.0.72:80"), true);
        Assert.Equal(ForwardingMethod.DirectRouting, e.Plan!.Backends.Single(b => b.IsSorryServer).Method);
    }

    [Fact]
    public void NoSorryServer_QuorumLost_ServiceStaysWithNoServerInRotation()
    {
        var vs = Service("10.1.0.93:80", Real("10.0.0.1:80"));
        var e = ServicePlanner.Evaluate(vs, Down(vs, "10.0.0.1:80"), true);
        Assert.False(e.QuorumUp);
        Assert.False(e.SorryActive);
        Assert.NotNull(e.Plan);
        Assert.Empty(e.Plan.Backends);
    }

    [Fact]
    public void HaSuspend_ProgramsTheServiceOnlyWhileItsVipsInstanceIsMaster()
    {
        var vs = Seedlike() with { HaSuspend = true };
        var backup = new VrrpInstanceStatus("VI_1", "eth0", 51, VrrpState.Backup, 100, 100) { VirtualAddresses = [Ip("10.1.0.93")] };
        var snapshot = new FakeSnapshot().With(StateKeys.VrrpInstance("VI_1"), backup);
        var e = ServicePlanner.Evaluate(vs, snapshot, null);
        Assert.Null(e.Plan);
        Assert.True(e.QuorumUp);
        snapshot.With(StateKeys.VrrpInstance("VI_1"), backup with { State = VrrpState.Master });
        Assert.NotNull(ServicePlanner.Evaluate(vs, snapshot, null).Plan);
    }

    [Fact]
    public void HaSuspend_WithAnAddressNoInstanceHolds_IsAlwaysProgrammed()
    {
        var vs = Seedlike() with { HaSuspend = true };
        var other = new VrrpInstanceStatus("VI_2", "eth0", 52, VrrpState.Backup, 100, 100) { VirtualAddresses = [Ip("10.9.9.9")] };
        Assert.NotNull(ServicePlanner.Evaluate(vs, new FakeSnapshot().With(StateKeys.VrrpInstance("VI_2"), other), null).Plan);
    }

    [Fact]
    public void WithoutHaSuspend_BackupNodeStillProgramsTheService()
    {
        var vs = Seedlike();
        var backup = new VrrpInstanceStatus("VI_1", "eth0", 51, VrrpState.Backup, 100, 100) { VirtualAddresses = [Ip("10.1.0.93")] };
        Assert.NotNull(ServicePlanner.Evaluate(vs, new FakeSnapshot().With(StateKeys.VrrpInstance("VI_1"), backup), null).Plan);
    }

    [Fact]
    public void ServerWithoutCheckers_IgnoresAStaleHealthEntry()
    {
        var vs = Service("10.1.0.93:80", Real("10.0.0.1:80", checkers: 0));
        var rs = Rs("10.0.0.1:80");
        var snapshot = new FakeSnapshot().With(StateKeys.RealServerHealth(vs.Key, rs), new RealServerHealth(vs.Key, rs, false, 1, "TCP_CHECK", "refused"));
        Assert.True(ServicePlanner.Evaluate(vs, snapshot, true).Servers[0].Healthy);
    }

    private static FakeSnapshot Down(VirtualServerDefinition vs, params string[] servers)
    {
        var snapshot = new FakeSnapshot();
        foreach (var s in servers)
        {
            snapshot.With(StateKeys.RealServerHealth(vs.Key, Rs(s)), new RealServerHealth(vs.Key, Rs(s), false, 1, "HTTP_GET", "connect refused"));
        }

        return snapshot;
    }
}
