using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.State;
using Vigil.Abstractions.VirtualServers;
using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers.Configuration;
using Vigil.Plugins.Checkers.Engine;

namespace Vigil.Checkers.Tests.Engine;

/// <summary>An engine on a fake clock over recording state and bus, checking with <see cref="FakeChecker"/>.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public static readonly VirtualServerKey Vs = VirtualServerKey.Parse("10.0.0.1 80");
    public static readonly RealServerKey Rs1 = RealServerKey.Parse("127.0.0.1 8081");
    public static readonly RealServerKey Rs2 = RealServerKey.Parse("127.0.0.1 8082");

    public EngineHarness(double warmupFraction = 0)
    {
        Engine = new HealthEngine(State, Bus, Time, NullLogger<HealthEngine>.Instance, new WarmupPicker(new FixedRandom(warmupFraction)));
    }

    public FakeTimeProvider Time { get; } = new();

    public RecordingState State { get; } = new();

    public RecordingBus Bus { get; } = new();

    public FakeChecker Checker { get; } = new();

    public HealthEngine Engine { get; }

    /// <summary>A virtual server 10.0.0.1 80 with real servers 127.0.0.1 8081 and up, each a list of (keyword, value) lines.</summary>
    public static ClusterConfiguration Config(IEnumerable<(string Path, string Value)> virtualServer, params (string Path, string Value)[][] realServers)
    {
        var lines = new List<(string, string)> { ("virtual_server:0:name", "10.0.0.1 80") };
        lines.AddRange(virtualServer.Select(v => ($"virtual_server:0:{v.Path}", v.Value)));
        for (var i = 0; i < realServers.Length; i++)
        {
            lines.Add(($"virtual_server:0:real_server:{i}:name", $"127.0.0.1 {8081 + i}"));
            lines.AddRange(realServers[i].Select(v => ($"virtual_server:0:real_server:{i}:{v.Path}", v.Value)));
        }

        return TreeConfig.Build([.. lines]);
    }

    /// <summary>One real server with one FAKE_CHECK <paramref name="id"/> and these extra checker lines.</summary>
    public static ClusterConfiguration One(string id, params (string Key, string Value)[] check) =>
        Config([], [("FAKE_CHECK:id", id), .. check.Select(c => ($"FAKE_CHECK:{c.Key}", c.Value))]);

    public void Apply(ClusterConfiguration configuration) =>
        Engine.Apply(CheckConfigReader.Read(configuration, [Checker]), CheckerOptions.Read(configuration), CheckConfigReader.OmegaServers(configuration));

    public Task SettleAsync() => Eventually.TrueAsync(() => Engine.IsIdle, "the engine to catch up with the clock");

    public async Task AdvanceAsync(TimeSpan by)
    {
        await SettleAsync();
        Time.Advance(by);
        await SettleAsync();
    }

    public Task AdvanceAsync(double seconds) => AdvanceAsync(TimeSpan.FromSeconds(seconds));

    public RealServerHealth? Health(RealServerKey rs) => State.Get(StateKeys.RealServerHealth(Vs, rs));

    public ValueTask DisposeAsync() => Engine.DisposeAsync();
}
