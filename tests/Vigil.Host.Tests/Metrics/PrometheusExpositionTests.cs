using System.Net.Http;
using Vigil.Host.Tests.Support;
using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Metrics;

/// <summary>The /metrics endpoint of a running instance passes promtool's own lint.</summary>
public sealed class PrometheusExpositionTests
{
    [Fact]
    public async Task Metrics_PassPromtoolCheck_AndCarryHostMetrics()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        var dir = VigilInstance.NewDirectory();
        var conf = Path.Combine(dir, "keepalived.conf");
        await File.WriteAllTextAsync(conf, "global_defs {\n    router_id node1\n}\n");
        await using var vigil = await VigilInstance.StartAsync(dir, conf, plugins, "alpha");
        vigil.Process.Signal(BackgroundProcess.SigHup);
        await vigil.Process.WaitForOutputAsync("Configuration reloaded", TimeSpan.FromSeconds(10));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var exposition = await http.GetStringAsync($"http://127.0.0.1:{vigil.MetricsPort}/metrics");
        var file = Path.Combine(dir, "metrics.txt");
        await File.WriteAllTextAsync(file, exposition);

        var promtool = await Command.RunAsync("/bin/sh", ["-c", $"promtool check metrics < {file}"]);
        Assert.True(promtool.ExitCode == 0, $"promtool: {promtool.Stdout}{promtool.Stderr}\n{exposition}");
        Assert.Contains("vigil_module_up{", exposition);
        Assert.Contains("module=\"alpha\"", exposition);
        Assert.Contains("vigil_config_reloads_total{", exposition);
        Assert.Contains("vigil_bus_events_published_total{", exposition);
    }
}
