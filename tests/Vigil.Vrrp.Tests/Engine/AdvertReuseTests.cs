using System.Net;
using Vigil.Plugins.Vrrp.Engine;
using Vigil.Plugins.Vrrp.Protocol;
using Vigil.Plugins.Vrrp.Tracking;

namespace Vigil.Vrrp.Tests.Engine;

/// <summary>A MASTER reuses its encoded advertisement while nothing in it changes, and re-encodes when something does.</summary>
public sealed class AdvertReuseTests
{
    private static readonly IPAddress Group = IPAddress.Parse("224.0.0.18");

    [Fact]
    public void Cache_HitsOnlyForTheStoredPriorityAndInterval()
    {
        var cache = new AdvertCache();
        Assert.False(cache.TryGet(100, 1, out _));

        byte[][] stored = [[1, 2, 3]];
        cache.Store(100, 1, stored);

        Assert.True(cache.TryGet(100, 1, out var hit));
        Assert.Same(stored, hit);
        Assert.False(cache.TryGet(99, 1, out _));
        Assert.False(cache.TryGet(100, 2, out _));
    }

    [Fact]
    public void Master_SendsIdenticalValidAdvertsUntilPriorityChanges_ThenTheNewPriority_ThenTheOldAgain()
    {
        using var h = new RunnerHarness(o => o with { TrackScripts = [new Plugins.Vrrp.Configuration.TrackReference("chk", -30)] });
        h.Runner.StartRouters();
        h.Step(TimeSpan.FromSeconds(4));
        h.Step(TimeSpan.FromSeconds(1));
        h.Step(TimeSpan.FromSeconds(1));

        var steady = h.Socket.Sent.TakeLast(2).Select(s => s.Packet).ToList();
        Assert.Equal(steady[0], steady[1]);
        AssertValid(steady[1], 100);

        h.Runner.Post(new TrackInput(new TrackUpdate(TrackKind.Script, "chk", false)));
        h.Step(TimeSpan.FromMilliseconds(10));
        h.Step(TimeSpan.FromSeconds(1));
        AssertValid(h.Socket.Sent[^1].Packet, 70);

        h.Runner.Post(new TrackInput(new TrackUpdate(TrackKind.Script, "chk", true)));
        h.Step(TimeSpan.FromMilliseconds(10));
        h.Step(TimeSpan.FromSeconds(1));
        Assert.Equal(steady[1], h.Socket.Sent[^1].Packet);
    }

    private static void AssertValid(byte[] packet, byte priority)
    {
        var result = VrrpCodec.Decode(packet, new VrrpReceiveContext(RunnerHarness.Own, Group, 255));
        Assert.True(result.IsAccepted, result.Reason.ToString());
        Assert.Equal(priority, result.Packet!.Priority);
    }
}
