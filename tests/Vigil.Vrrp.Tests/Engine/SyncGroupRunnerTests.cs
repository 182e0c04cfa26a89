using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Abstractions.Events;
using Vigil.Host.Metrics;
using Vigil.Host.State;
using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Engine;
using Vigil.Plugins.Vrrp.Protocol;
using Vigil.Plugins.Vrrp.Tracking;

namespace Vigil.Vrrp.Tests.Engine;

public class SyncGroupRunnerTests
{
    [Fact]
    public void MemberFault_FaultsTheOtherMember_AndPublishesGroupTransition()
    {
        var time = new FakeTimeProvider();
        var netlink = new FakeNetlink();
        var bus = new FakeBus();
        using var meter = new HostMeter();
        using var state = new ClusterStateStore(NullLogger<ClusterStateStore>.Instance, TimeProvider.System, meter);
        using var metrics = new VrrpMetrics();
        var vi1 = Options("VI_1", 51, "10.0.0.100", []);
        var vi2 = Options("VI_2", 52, "10.0.0.101", [new TrackReference("chk")]);
        var configuration = new VrrpConfiguration(VrrpGlobalOptions.Default, [vi1, vi2], [], new Dictionary<string, VrrpScriptOptions>(), new Dictionary<string, TrackFileOptions>(), new Dictionary<string, TrackProcessOptions>());
        var contexts = new[] { vi1, vi2 }.Select(o => new InstanceContext(
            o, configuration.Global, new InstanceLink("eth0", 2, "eth0", 2, [2, 0, 0, 0, 0, 1], IPAddress.Parse("10.0.0.1"), null), new FakeSocket(), InstanceTracking.For(o, configuration))).ToList();
        using var runner = new GroupRunner("G", contexts, "G", new EngineServices(time, netlink, new FakeGratuitous(), bus, state, metrics, NullLogger.Instance));
        runner.StartRouters();
        time.Advance(TimeSpan.FromSeconds(4));
        runner.RunOnce(TimeSpan.Zero);
        Assert.All(contexts, c => Assert.Equal(VrrpState.Master, c.State));

        runner.Post(new TrackInput(new TrackUpdate(TrackKind.Script, "chk", false)));
        runner.RunOnce(TimeSpan.Zero);

        Assert.All(contexts, c => Assert.Equal(VrrpState.Fault, c.State));
        Assert.Empty(netlink.Present);
        Assert.Contains(bus.Events.OfType<VrrpSyncGroupStateChanged>(), e => e.NewState == VrrpState.Fault && e.Group == "G");
    }

    private static VrrpInstanceOptions Options(string name, int vrid, string vip, IReadOnlyList<TrackReference> scripts) => new()
    {
        Name = name,
        Path = "vrrp_instance:0",
        Interface = "eth0",
        VirtualRouterId = vrid,
        VirtualAddresses = [new VirtualAddress(IPAddress.Parse(vip), 24)],
        TrackScripts = scripts,
    };
}
