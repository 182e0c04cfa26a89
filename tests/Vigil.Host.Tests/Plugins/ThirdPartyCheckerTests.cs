using System.Globalization;
using Autofac;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;
using Vigil.Host.Tests.Support;
using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Plugins;

/// <summary>
/// A checker shipped as its own assembly, built outside the solution and dropped into the plugins directory,
/// is found by name, read through the shared checker-block reader, and probes a real SMTP server.
/// </summary>
public sealed class ThirdPartyCheckerTests
{
    [Fact]
    public async Task SmtpCheck_FromDroppedInPlugin_PassesAgainstRealServer_AndFailsRefusedOnceItStops()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), "smtpcheck");
        Assert.Null(await runtime.StartAsync(CancellationToken.None));
        var checker = runtime.Container!.Resolve<IEnumerable<IHealthChecker>>().Single(c => c.Name == "SMTP_CHECK");
        var port = FreePort.Next();
        var tree = Tree(new() { ["SMTP_CHECK:connect_port"] = port.ToString(CultureInfo.InvariantCulture), ["SMTP_CHECK:connect_timeout"] = "2" });
        var settings = Read(checker, tree, new ValidationReport(new NoLocator()));
        Assert.NotNull(settings);
        await using var check = checker.Create(tree.GetSection("virtual_server:0:real_server:0:SMTP_CHECK"), settings);

        await using (var server = BackgroundProcess.Start("/usr/bin/python3", ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}"]))
        {
            await FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(10));
            var healthy = await check.ProbeAsync(CancellationToken.None);
            Assert.True(healthy.Healthy, healthy.Detail);
            Assert.StartsWith("250", healthy.Detail);
        }

        var down = await check.ProbeAsync(CancellationToken.None);
        Assert.False(down.Healthy);
        Assert.Equal(CheckFailureKind.Refused, down.Failure);
        Assert.Equal("connection refused", down.Reason);
        Assert.Contains($"127.0.0.1:{port}", down.Detail);
        await runtime.StopAsync();
    }

    [Fact]
    public async Task SmtpCheck_ThroughBlockReader_DefaultsToPort25AndInheritsTheRealServersTimeout()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), "smtpcheck");
        Assert.Null(await runtime.StartAsync(CancellationToken.None));
        var checker = runtime.Container!.Resolve<IEnumerable<IHealthChecker>>().Single(c => c.Name == "SMTP_CHECK");

        var settings = Read(checker, Tree(new() { ["connect_timeout"] = "7", ["SMTP_CHECK:helo_name"] = "probe.example" }), new ValidationReport(new NoLocator()));

        Assert.NotNull(settings);
        Assert.Equal("127.0.0.1:25", settings.Connect.ToString());
        Assert.Equal(TimeSpan.FromSeconds(7), settings.ConnectTimeout);
        await runtime.StopAsync();
    }

    [Fact]
    public async Task SmtpCheck_ThroughBlockReader_ReportsUnknownOutOfRangeAndOwnKeywordErrors()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), "smtpcheck");
        Assert.Null(await runtime.StartAsync(CancellationToken.None));
        var checker = runtime.Container!.Resolve<IEnumerable<IHealthChecker>>().Single(c => c.Name == "SMTP_CHECK");
        var report = new ValidationReport(new NoLocator());

        var settings = Read(checker, Tree(new() { ["SMTP_CHECK:connect_port"] = "70000", ["SMTP_CHECK:helo"] = "x", ["SMTP_CHECK:helo_name"] = "a b" }), report);

        Assert.Null(settings);
        Assert.Equal(
            [
                "unknown keyword 'helo' in SMTP_CHECK of real_server 127.0.0.1 2525",
                "connect_port 70000 out of range 1-65535 in SMTP_CHECK of real_server 127.0.0.1 2525",
                "helo_name needs one host name in SMTP_CHECK of real_server 127.0.0.1 2525",
            ],
            report.Issues.Select(i => i.Message));
        await runtime.StopAsync();
    }

    private static CheckSettings? Read(IHealthChecker checker, IConfiguration tree, ValidationReport report)
    {
        var vs = tree.GetSection("virtual_server:0");
        var rs = vs.GetSection("real_server:0");
        var vsKey = VirtualServerKey.Parse(vs["name"]!);
        var context = new CheckContext(vsKey, RealServerKey.Parse(rs["name"]!), vsKey.Protocol, 1, null);
        return CheckerBlockReader.Read(checker, rs.GetSection("SMTP_CHECK"), rs, vs, context, report);
    }

    /// <summary>A virtual server with one real server; keys of <paramref name="realServer"/> are relative to the real server.</summary>
    private static IConfiguration Tree(Dictionary<string, string?> realServer)
    {
        var values = new Dictionary<string, string?>
        {
            ["virtual_server:0:name"] = "10.0.0.100 25",
            ["virtual_server:0:real_server:0:name"] = "127.0.0.1 2525",
        };
        foreach (var (key, value) in realServer)
        {
            values["virtual_server:0:real_server:0:" + key] = value;
        }

        if (!values.Keys.Any(k => k.Contains("SMTP_CHECK", StringComparison.Ordinal)))
        {
            values["virtual_server:0:real_server:0:SMTP_CHECK"] = null;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private sealed class NoLocator : IConfigLocator
    {
        public SourceLocation? Locate(string path) => null;
    }
}
