using System.Net;
using Autofac;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Host.Tests.Support;
using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Plugins;

/// <summary>
/// A checker shipped as its own assembly, built outside the solution and dropped into the plugins directory,
/// is found by name and probes a real SMTP server.
/// </summary>
public sealed class ThirdPartyCheckerTests
{
    [Fact]
    public async Task SmtpCheck_FromDroppedInPlugin_PassesAgainstRealServer_AndFailsOnceItStops()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), "smtpcheck");
        Assert.Null(await runtime.StartAsync(CancellationToken.None));
        var checker = runtime.Container!.Resolve<IEnumerable<IHealthChecker>>().Single(c => c.Name == "SMTP_CHECK");
        var port = FreePort.Next();
        var block = Block(new() { ["connect_port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["connect_timeout"] = "2" });
        var check = checker.Create(block, new CheckTarget(IPAddress.Loopback, 25, "127.0.0.1 25"));

        await using (var server = BackgroundProcess.Start("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}"]))
        {
            await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(10));
            var healthy = await check.RunAsync(CancellationToken.None);
            Assert.True(healthy.Healthy, healthy.Detail);
            Assert.StartsWith("250", healthy.Detail);
        }

        var down = await check.RunAsync(CancellationToken.None);
        Assert.False(down.Healthy);
        Assert.Contains($"127.0.0.1:{port}", down.Detail);
        await runtime.StopAsync();
    }

    [Fact]
    public async Task SmtpCheck_Validate_ReportsOutOfRangeAndUnknownKeywords()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), "smtpcheck");
        Assert.Null(await runtime.StartAsync(CancellationToken.None));
        var checker = runtime.Container!.Resolve<IEnumerable<IHealthChecker>>().Single(c => c.Name == "SMTP_CHECK");
        var report = new ValidationReport(new NoLocator());

        checker.Validate(Block(new() { ["connect_port"] = "70000", ["helo"] = "x" }), report);

        Assert.Equal(
            ["unknown keyword 'helo' in SMTP_CHECK", "connect_port 70000 out of range 1-65535 in SMTP_CHECK"],
            report.Issues.Select(i => i.Message));
        await runtime.StopAsync();
    }

    private static IConfigurationSection Block(Dictionary<string, string?> values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(kv => "SMTP_CHECK:" + kv.Key, kv => kv.Value))
            .Build()
            .GetSection("SMTP_CHECK");

    private sealed class NoLocator : IConfigLocator
    {
        public SourceLocation? Locate(string path) => null;
    }
}
