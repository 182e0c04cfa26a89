using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Host.Metrics;
using Vigil.Host.State;
using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Engine;
using Vigil.Plugins.Vrrp.Protocol;
using Vigil.Plugins.Vrrp.Tracking;

namespace Vigil.Vrrp.Tests.Engine;

/// <summary>One instance driven by a <see cref="GroupRunner"/> over fakes, stepped by hand with a fake clock.</summary>
internal sealed class RunnerHarness : IDisposable
{
    public static readonly IPAddress Own = IPAddress.Parse("10.0.0.1");
    public static readonly IPAddress Peer = IPAddress.Parse("10.0.0.2");
    public static readonly IPAddress Vip = IPAddress.Parse("10.0.0.100");

    public RunnerHarness(Func<VrrpInstanceOptions, VrrpInstanceOptions>? configure = null, VrrpConfiguration? configuration = null)
    {
        var options = new VrrpInstanceOptions
        {
            Name = "VI_1",
            Path = "vrrp_instance:0",
            Interface = "eth0",
            VirtualRouterId = 51,
            Priority = 100,
            VirtualAddresses = [new VirtualAddress(Vip, 24)],
        };
        options = configure?.Invoke(options) ?? options;
        var vrrp = configuration ?? new VrrpConfiguration(VrrpGlobalOptions.Default, [options], [], new Dictionary<string, VrrpScriptOptions>(), new Dictionary<string, TrackFileOptions>(), new Dictionary<string, TrackProcessOptions>());
        var link = new InstanceLink("eth0", 2, "eth0", 2, [2, 0, 0, 0, 0, 1], Own, null);
        Instance = new InstanceContext(options, vrrp.Global, link, Socket, InstanceTracking.For(options, vrrp));
        Metrics = new VrrpMetrics();
        Runner = new GroupRunner("VI_1", [Instance], null, new EngineServices(Time, Netlink, Gratuitous, Bus, State, Metrics, NullLogger.Instance));
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));

    public FakeSocket Socket { get; } = new();

    public FakeNetlink Netlink { get; } = new();

    public FakeGratuitous Gratuitous { get; } = new();

    public FakeBus Bus { get; } = new();

    public ClusterStateStore State { get; } = new(NullLogger<ClusterStateStore>.Instance, TimeProvider.System, new HostMeter());

    public VrrpMetrics Metrics { get; }

    public InstanceContext Instance { get; }

    public GroupRunner Runner { get; }

    /// <summary>Advances the clock and lets the runner handle what is queued and due.</summary>
    public void Step(TimeSpan advance)
    {
        Time.Advance(advance);
        Runner.RunOnce(TimeSpan.Zero);
    }

    /// <summary>Queues an IPv4 datagram carrying <paramref name="vrrp"/> from <paramref name="source"/>.</summary>
    public void Receive(byte[] vrrp, IPAddress source, byte ttl = 255)
    {
        var header = new byte[20];
        Ipv4Header.Write(header, 20 + vrrp.Length, 1, ttl, 112, source, IPAddress.Parse("224.0.0.18"));
        Runner.Post(new ReceivedInput(Instance, new Plugins.Vrrp.Os.VrrpDatagram(source, IPAddress.Parse("224.0.0.18"), ttl, 112, vrrp, header)));
    }

    /// <summary>A valid v2 advertisement of VRID 51 for the VIP.</summary>
    public static byte[] Advert(byte priority, IPAddress source) =>
        VrrpCodec.Encode(new VrrpPacket(VrrpVersion.V2, 51, priority, 1, [Vip]), source, IPAddress.Parse("224.0.0.18"));

    /// <summary>Priorities of the adverts sent so far.</summary>
    public IReadOnlyList<byte> SentPriorities => Socket.Sent.Select(s => s.Packet[2]).ToList();

    public void Dispose()
    {
        Runner.Dispose();
        Metrics.Dispose();
    }
}
