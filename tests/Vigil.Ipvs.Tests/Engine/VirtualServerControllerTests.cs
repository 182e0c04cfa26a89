using Vigil.Abstractions.Events;
using Vigil.Abstractions.State;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;
using static Vigil.Ipvs.Tests.Engine.Defs;

namespace Vigil.Ipvs.Tests.Engine;

public sealed class VirtualServerControllerTests
{
    [Fact]
    public async Task Start_ProgramsEveryService_AndPublishesQuorumInTheState()
    {
        await using var h = new ControllerHarness();
        await h.StartAsync(Seedlike());
        var applied = Assert.Single(h.Plane.Applied);
        Assert.Equal(3, Assert.Single(applied).Backends.Count);
        var quorum = h.State.Current.Get(StateKeys.VirtualServerQuorum(Vs()))!.Value;
        Assert.True(quorum.Up);
        Assert.Equal(3, quorum.LiveWeight);
        Assert.True(quorum.Programmed);
    }

    [Fact]
    public async Task HealthChange_IsApplied_AndAnEqualWriteAppliesNothing()
    {
        await using var h = new ControllerHarness();
        var vs = Seedlike();
        await h.StartAsync(vs);
        var rs = Rs("10.1.0.71:80");
        var down = new RealServerHealth(vs.Key, rs, false, 1, "HTTP_GET", "connect timeout");
        h.State.Set(StateKeys.RealServerHealth(vs.Key, rs), down, "checkers");
        await ControllerHarness.EventuallyAsync(() => h.Plane.Applied.Count == 2, "the health change to be applied");
        Assert.Equal(["10.1.0.69:80", "10.1.0.72:80"], h.Plane.Applied[^1][0].Backends.Select(b => b.Server.ToString()));
        h.State.Set(StateKeys.RealServerHealth(vs.Key, Rs("10.1.0.69:80")), new RealServerHealth(vs.Key, Rs("10.1.0.69:80"), true, 1, "HTTP_GET", "ok"), "checkers");
        await Task.Delay(200);
        Assert.Equal(2, h.Plane.Applied.Count);
    }

    [Fact]
    public async Task QuorumLoss_IsPublishedOnceOnTheBus_AndInTheState()
    {
        await using var h = new ControllerHarness();
        var vs = Seedlike();
        await h.StartAsync(vs);
        foreach (var s in vs.RealServers)
        {
            h.State.Set(StateKeys.RealServerHealth(vs.Key, s.Key), new RealServerHealth(vs.Key, s.Key, false, 1, "HTTP_GET", "refused"), "checkers");
        }

        await ControllerHarness.EventuallyAsync(() => h.State.Current.Get(StateKeys.VirtualServerQuorum(vs.Key))?.Value.Up == false, "quorum to be lost");
        await Task.Delay(100);
        var lost = Assert.Single(h.Bus.Events.OfType<VirtualServerQuorumChanged>());
        Assert.False(lost.Up);
        Assert.Equal("ipvs", lost.Source);
        Assert.True(h.Plane.Applied[^1][0].Backends.Single(b => b.IsSorryServer).Weight > 0);
    }

    [Fact]
    public async Task RefusedChange_KeepsThePreviousState_AndIsRetriedUntilItApplies()
    {
        await using var h = new ControllerHarness();
        var vs = Seedlike();
        await h.StartAsync(vs);
        h.Plane.Refuse = true;
        var rs = Rs("10.1.0.69:80");
        h.State.Set(StateKeys.RealServerHealth(vs.Key, rs), new RealServerHealth(vs.Key, rs, false, 1, "HTTP_GET", "refused"), "checkers");
        await Task.Delay(300);
        Assert.Single(h.Plane.Applied);
        h.Plane.Refuse = false;
        await ControllerHarness.EventuallyAsync(() => h.Plane.Applied.Count == 2, "the retried change");
        Assert.Equal(2, h.Plane.Applied[^1][0].Backends.Count);
    }

    [Fact]
    public async Task Reload_WithAnUnchangedTable_AppliesNothing_AndAChangedWeightAppliesOnce()
    {
        await using var h = new ControllerHarness();
        var vs = Seedlike();
        await h.StartAsync(vs);
        await h.Controller.ReloadAsync(new VirtualServerTable([Seedlike()], DataPlaneChoice.Auto), CancellationToken.None);
        Assert.Single(h.Plane.Applied);
        var heavier = vs with { RealServers = [vs.RealServers[0] with { Weight = 5 }, .. vs.RealServers.Skip(1)] };
        await h.Controller.ReloadAsync(new VirtualServerTable([heavier], DataPlaneChoice.Auto), CancellationToken.None);
        Assert.Equal(2, h.Plane.Applied.Count);
        Assert.Equal(5, h.Plane.Applied[^1][0].Backends[0].Weight);
    }

    [Fact]
    public async Task Reload_RemovingAService_RemovesItsQuorumEntry()
    {
        await using var h = new ControllerHarness();
        await h.StartAsync(Seedlike(), Service("10.1.0.94:443", Real("10.1.0.69:443", checkers: 0)));
        await h.Controller.ReloadAsync(new VirtualServerTable([Seedlike()], DataPlaneChoice.Auto), CancellationToken.None);
        Assert.Null(h.State.Current.Get(StateKeys.VirtualServerQuorum(Vs("10.1.0.94:443"))));
        Assert.Single(h.Plane.Applied[^1]);
    }

    [Fact]
    public async Task VrrpBecomingMaster_ProgramsAnHaSuspendedService()
    {
        await using var h = new ControllerHarness();
        var backup = new VrrpInstanceStatus("VI_1", "eth0", 51, VrrpState.Backup, 100, 100) { VirtualAddresses = [Ip("10.1.0.93")] };
        h.State.Set(StateKeys.VrrpInstance("VI_1"), backup, "vrrp");
        await h.StartAsync(Seedlike() with { HaSuspend = true });
        Assert.Empty(h.Plane.Applied[0]);
        Assert.False(h.State.Current.Get(StateKeys.VirtualServerQuorum(Vs()))!.Value.Programmed);
        h.State.Set(StateKeys.VrrpInstance("VI_1"), backup with { State = VrrpState.Master }, "vrrp");
        await ControllerHarness.EventuallyAsync(() => h.Plane.Applied.Count == 2, "the service to be programmed");
        Assert.Single(h.Plane.Applied[^1]);
    }

    [Fact]
    public async Task Dispose_DisposesThePlane_AndRemovesTheQuorumEntries()
    {
        var h = new ControllerHarness();
        await h.StartAsync(Seedlike());
        await h.Controller.DisposeAsync();
        Assert.True(h.Plane.Disposed);
        Assert.Null(h.State.Current.Get(StateKeys.VirtualServerQuorum(Vs())));
        h.State.Dispose();
    }

    [Fact]
    public async Task ThousandRealServers_OneHealthChange_IsAppliedAsOneServiceChange()
    {
        await using var h = new ControllerHarness();
        var services = Enumerable.Range(0, 100)
            .Select(i => Service($"10.2.{i / 250}.{(i % 250) + 1}:80", [.. Enumerable.Range(0, 10).Select(j => Real($"10.3.{i}.{j + 1}:80"))]))
            .ToArray();
        await h.StartAsync(services);
        var target = services[42];
        var rs = target.RealServers[3].Key;
        h.State.Set(StateKeys.RealServerHealth(target.Key, rs), new RealServerHealth(target.Key, rs, false, 1, "TCP_CHECK", "refused"), "checkers");
        await ControllerHarness.EventuallyAsync(() => h.Plane.Applied.Count == 2, "the change");
        var changed = h.Plane.Applied[^1].Except(h.Plane.Applied[0]).ToList();
        Assert.Equal(target.Key, Assert.Single(changed).Service.Key);
    }
}
