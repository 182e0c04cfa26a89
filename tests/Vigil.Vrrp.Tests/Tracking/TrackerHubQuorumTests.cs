using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Abstractions.Processes;
using Vigil.Abstractions.State;
using Vigil.Abstractions.VirtualServers;
using Vigil.Host.Metrics;
using Vigil.Host.State;
using Vigil.Linux.Netlink.Route;
using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Engine;
using Vigil.Plugins.Vrrp.Os;
using Vigil.Plugins.Vrrp.Protocol;
using Vigil.Plugins.Vrrp.Tracking;
using Vigil.Vrrp.Tests.Engine;

namespace Vigil.Vrrp.Tests.Tracking;

/// <summary>track_virtual_server through the real shared state store: the hub follows the quorum entries it is notified of.</summary>
public sealed class TrackerHubQuorumTests
{
    [Fact]
    public async Task Hub_PublishesEachQuorumChangeOfATrackedVirtualServer_AndAnAbsentEntryIsUp()
    {
        using var meter = new HostMeter();
        using var state = new ClusterStateStore(NullLogger<ClusterStateStore>.Instance, TimeProvider.System, meter);
        await using var hub = new TrackerHub(new NoScripts(), TimeProvider.System, new Platform(), new FakeNetlink(), state, NullLogger.Instance);
        var updates = new System.Collections.Concurrent.BlockingCollection<TrackUpdate>();
        hub.Changed += u => { if (u.Kind == TrackKind.VirtualServer) updates.Add(u); };
        var key = VirtualServerKey.ForEndpoint(System.Net.IPAddress.Parse("10.0.0.1"), 80);
        var instance = new VrrpInstanceOptions { Name = "VI_1", Path = "vrrp_instance:0", Interface = "", TrackVirtualServers = [new TrackReference(key.ToString())] };

        await hub.ApplyAsync(new VrrpConfiguration(VrrpGlobalOptions.Default, [instance], [], new Dictionary<string, VrrpScriptOptions>(), new Dictionary<string, TrackFileOptions>(), new Dictionary<string, TrackProcessOptions>()));
        Assert.True(updates.TryTake(out var first, TimeSpan.FromSeconds(5)));
        state.Set(StateKeys.VirtualServerQuorum(key), new VirtualServerQuorum(key, false, 0, 1, true), "ipvs");
        Assert.True(updates.TryTake(out var lost, TimeSpan.FromSeconds(5)));
        state.Set(StateKeys.VirtualServerQuorum(key), new VirtualServerQuorum(key, true, 1, 1, true), "ipvs");
        Assert.True(updates.TryTake(out var regained, TimeSpan.FromSeconds(5)));

        Assert.Equal([true, false, true], new[] { first!.Up, lost!.Up, regained!.Up });
        Assert.Equal("10.0.0.1:80/tcp", lost.Name);
    }

    private sealed class NoScripts : IScriptRunner
    {
        public Task<ScriptResult> RunAsync(ScriptCommand command, IReadOnlyList<string> extraArguments, ScriptRunOptions options, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    private sealed class Platform : IVrrpPlatform
    {
        public INetlinkClient OpenNetlink() => throw new NotSupportedException();

        public IVrrpSocket OpenSocket(VrrpSocketOptions options) => throw new NotSupportedException();

        public IGratuitousSender OpenGratuitous() => throw new NotSupportedException();

        public ILinkMonitor OpenLinkMonitor() => throw new Vigil.Linux.OsException("open link monitor", 1);

        public void SetSysctl(string path, string value)
        {
        }
    }
}
