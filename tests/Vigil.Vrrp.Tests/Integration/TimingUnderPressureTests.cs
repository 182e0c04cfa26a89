using System.Diagnostics;
using System.Net;
using Vigil.Linux.Threading;
using Vigil.Plugins.Vrrp.Os;
using Vigil.Testing;
using Vigil.Testing.Netns;
using Xunit.Abstractions;

namespace Vigil.Vrrp.Tests.Integration;

/// <summary>
/// Advertisements leave on time while the MASTER's own GC is busy (the test plugin gcpressure allocates inside the
/// daemon) and every core runs a busy loop: after the initial election nobody changes state, and the longest gap between
/// two adverts seen by a listener stays well below Master_Down_Interval.
/// </summary>
[Collection("netns")]
public class TimingUnderPressureTests(ITestOutputHelper output)
{
    private const int AdvertMs = 50;
    private static readonly string[] Ab = ["a", "b"];
    private static readonly TimeSpan Loaded = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task AdvertInterval50ms_GcPressureAndBusyCores_NoStateChangeAndNoGapNearMasterDown()
    {
        await TestPlugins.EnsureBuiltAsync("gcpressure");
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        var plugins = TestPlugins.LinkWithSolutionPlugins(Path.Combine(lab.Directory, "plugins"), "gcpressure");
        var master = StartVigil(lab, "a", plugins, KeepalivedConf.Instance(150, advertInt: "0.05"), "--set", "Modules:gcpressure:Enabled=true", "--set", "Modules:gcpressure:MBps=64");
        StartVigil(lab, "b", plugins, KeepalivedConf.Instance(100, advertInt: "0.05"));
        await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(5));
        var elected = await lab.WaitForRowAsync("a", "VI_1", r => (string?)r["state"] == "MASTER", TimeSpan.FromSeconds(5));
        await lab.WaitForRowAsync("b", "VI_1", r => (string?)r["state"] == "BACKUP" && (long)r["adverts_received"]! > 0, TimeSpan.FromSeconds(5));

        using var listener = await lab.Lab.InNamespaceAsync(lab["b"].Namespace, () => VrrpSocket.Open(new VrrpSocketOptions { InterfaceName = "eth0" }));
        for (var i = 0; i < Environment.ProcessorCount; i++)
        {
            lab.Lab.StartProcess(lab.Lab.BridgeNamespace, "sh", "-c", "while :; do :; done");
        }

        var gaps = await Task.Factory.StartNew(() => AdvertGaps(listener, lab["a"].Ipv4, Loaded), TaskCreationOptions.LongRunning);

        // Master_Down_Interval at priority 100 and 50 ms: 3 * 50 + (256 - 100) * 50 / 256 = 180 ms.
        var masterDownMs = 3 * AdvertMs + (256 - 100) * AdvertMs / 256.0;
        var late = gaps.Count(g => g > AdvertMs + 10);
        output.WriteLine($"adverts {gaps.Count + 1}, late (> {AdvertMs + 10} ms) {late}, worst gap {gaps.DefaultIfEmpty().Max():F1} ms, Master_Down_Interval {masterDownMs:F1} ms");
        Assert.True(gaps.Count > Loaded.TotalMilliseconds / AdvertMs * 0.8, $"only {gaps.Count + 1} adverts in {Loaded.TotalSeconds} s");
        Assert.True(gaps.Max() < masterDownMs * 2 / 3, $"an advert gap of {gaps.Max():F1} ms came within a third of Master_Down_Interval ({masterDownMs:F1} ms)");
        var a = await lab.WaitForRowAsync("a", "VI_1", r => (string?)r["state"] == "MASTER", TimeSpan.FromSeconds(5));
        await lab.WaitForRowAsync("b", "VI_1", r => (string?)r["state"] == "BACKUP", TimeSpan.FromSeconds(5));
        Assert.Equal((string?)elected["last_transition"], (string?)a["last_transition"]);
        Assert.Equal(["a"], await lab.HoldersAsync(Ab));

        // The pressure really ran inside the MASTER: gcpressure logs what it allocated and collected as it stops.
        await master.StopAsync(TimeSpan.FromSeconds(5));
        var summary = Assert.Single(master.Stdout.Split('\n'), l => l.Contains("GC pressure off:", StringComparison.Ordinal));
        output.WriteLine(summary.Trim());
        Assert.Matches(@"allocated [1-9]\d* MB; collections gen0 [1-9]", summary);
    }

    /// <summary>Milliseconds between consecutive adverts from <paramref name="master"/> for <paramref name="period"/>.</summary>
    private static List<double> AdvertGaps(VrrpSocket listener, IPAddress master, TimeSpan period)
    {
        // The listener is not Vigil: raise its priority as Vigil does, so the busy loops do not delay its timestamps.
        ThreadScheduling.TrySetCurrentNice(-10);
        var gaps = new List<double>();
        var watch = Stopwatch.StartNew();
        double? previous = null;
        while (watch.Elapsed < period)
        {
            if (listener.TryReceive(TimeSpan.FromMilliseconds(200), out var datagram) && datagram is not null && datagram.Source.Equals(master))
            {
                var now = watch.Elapsed.TotalMilliseconds;
                if (previous is { } p)
                {
                    gaps.Add(now - p);
                }

                previous = now;
            }
        }

        return gaps;
    }

    private static LabProcess StartVigil(VrrpLab lab, string role, string plugins, string conf, params string[] extra)
    {
        var path = Path.Combine(lab.Directory, $"{role}.conf");
        File.WriteAllText(path, conf);
        return lab.Lab.StartProcess(lab[role].Namespace,
        [
            RepoPaths.VigilBinary, "run", "-f", path,
            "--plugins-dir", plugins,
            "--instance", $"{lab.Lab.Prefix}{role}",
            "--admin-socket", lab.Socket(role),
            "-p", Path.Combine(lab.Directory, $"{role}.pid"),
            "--set", "Metrics:Enabled=false",
            "--set", "Modules:notify:Enabled=false", "--set", "Modules:ipvs:Enabled=false", "--set", "Modules:checkers:Enabled=false", "--set", "Modules:smtp-check:Enabled=false",
            .. extra,
        ]);
    }
}
