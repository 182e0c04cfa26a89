using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Abstractions.State;
using Vigil.Abstractions.VirtualServers;
using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers.Checkers;
using Vigil.Plugins.Checkers.Configuration;
using Vigil.Plugins.Checkers.Engine;

namespace Vigil.Checkers.Tests.Integration;

/// <summary>The engine on the real clock with real sockets, at the scale the issue names.</summary>
public sealed class ManyServersTests
{
    private const int Count = 1000;
    private const int Hanging = 100;

    // Probes start delay_loop after the previous one ended, so a cycle is a little longer than a second.
    private const double Window = 1.5;

    private static readonly VirtualServerKey Vs = VirtualServerKey.Parse("10.0.0.1 80");

    [Fact]
    public async Task ThousandServersAtDelayLoopOne_HundredHanging_EveryOtherCheckedEveryCycle()
    {
        await using var farm = new ServerFarm(Count, Hanging);
        var state = new RecordingState();
        var bus = new RecordingBus();
        var configuration = Configuration(farm);
        var engine = new HealthEngine(state, bus, TimeProvider.System, NullLogger<HealthEngine>.Instance, new WarmupPicker(Random.Shared));
        await using (engine)
        {
            engine.Apply(CheckConfigReader.Read(configuration, [new HttpGetChecker()]), CheckerOptions.Read(configuration), CheckConfigReader.OmegaServers(configuration));
            Assert.Equal(Count, engine.Count);

            // Warmup spreads the first probes over delay_loop; the hanging ones time out (1 s), retry 1 s later, time out.
            var from = farm.Now + Window;
            await Task.Delay(TimeSpan.FromSeconds(8));
            var to = farm.Now;

            var starved = Enumerable.Range(Hanging, Count - Hanging).Where(i => !CheckedEveryWindow(farm.RequestTimes(i), from, to)).ToList();
            Assert.True(starved.Count == 0, $"{starved.Count} answering servers missed a {Window} s window between {from:0.0} s and {to:0.0} s, e.g. {Describe(farm, starved)}");
            Assert.All(Enumerable.Range(0, Hanging), i => Assert.NotEmpty(farm.RequestTimes(i)));

            var health = Enumerable.Range(0, Count).Select(i => state.Get(StateKeys.RealServerHealth(Vs, Key(farm, i)))).ToList();
            Assert.All(health.Take(Hanging), h => Assert.Equal((false, "timeout"), (h!.Up, h.Reason)));
            Assert.All(health.Skip(Hanging), h => Assert.True(h!.Up));
            Assert.DoesNotContain(state.HealthWrites, h => !h.Up && !IsHanging(farm, h.RealServer));
            Assert.Equal(Hanging, bus.Changes.Count);
            Assert.All(bus.Changes, c => Assert.Equal((false, "timeout"), (c.Up, c.Reason)));
        }
    }

    // True when every window of Window seconds starting at from, from + 1, ... up to to saw a request.
    private static bool CheckedEveryWindow(IReadOnlyList<double> times, double from, double to)
    {
        for (var start = from; start + Window <= to; start += 1)
        {
            if (!times.Any(t => t >= start && t < start + Window))
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(ServerFarm farm, List<int> starved) =>
        string.Join("; ", starved.Take(3).Select(i => $"{farm.Endpoint(i)} at {string.Join(' ', farm.RequestTimes(i).Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))}"));

    private static RealServerKey Key(ServerFarm farm, int i) => new(farm.Endpoint(i).Address, farm.Endpoint(i).Port);

    private static bool IsHanging(ServerFarm farm, RealServerKey key) =>
        Enumerable.Range(0, farm.Hanging).Any(i => Key(farm, i) == key);

    private static Vigil.Abstractions.Configuration.ClusterConfiguration Configuration(ServerFarm farm)
    {
        var lines = new List<(string, string)> { ("virtual_server:0:name", "10.0.0.1 80"), ("virtual_server:0:delay_loop", "1") };
        for (var i = 0; i < Count; i++)
        {
            var rs = $"virtual_server:0:real_server:{i.ToString(CultureInfo.InvariantCulture)}";
            var endpoint = farm.Endpoint(i);
            lines.Add(($"{rs}:name", $"{endpoint.Address} {endpoint.Port.ToString(CultureInfo.InvariantCulture)}"));
            lines.Add(($"{rs}:HTTP_GET:url:path", "/"));
            lines.Add(($"{rs}:HTTP_GET:connect_timeout", "1"));
            lines.Add(($"{rs}:HTTP_GET:retry", "1"));
            lines.Add(($"{rs}:HTTP_GET:delay_before_retry", "1"));
        }

        return TreeConfig.Build([.. lines]);
    }
}
