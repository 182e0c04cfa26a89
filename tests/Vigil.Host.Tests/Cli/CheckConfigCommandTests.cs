using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Cli;

/// <summary><c>vigil check-config</c> and keepalived's <c>-t</c> through the real executable.</summary>
public sealed class CheckConfigCommandTests
{
    private static readonly string[] NoModules = ["--set", "Modules:vrrp:Enabled=false", "--set", "Modules:notify:Enabled=false", "--set", "Modules:ipvs:Enabled=false", "--set", "Modules:checkers:Enabled=false", "--set", "Modules:smtp-check:Enabled=false"];

    [Fact]
    public async Task CheckConfig_ValidSeed_ExitsZero_PrintingWarningsForSectionsOfDisabledModules()
    {
        var seed = Directory.GetFiles(Path.Combine(RepoPaths.Fixtures, "seed"), "*.conf").Order().First();

        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["check-config", "-f", seed, .. NoModules]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.All(result.Lines, l => Assert.Contains(": warning: ", l));
        Assert.Contains(result.Lines, l => l.EndsWith("warning: section 'vrrp_instance' needs module 'vrrp', which is not enabled; ignored", StringComparison.Ordinal));
        Assert.Contains("valid", result.Stderr);
    }

    [Fact]
    public async Task KeepalivedFlagT_BrokenFile_ExitsOne_WithOneLinePerProblem()
    {
        var dir = Path.Combine(Path.GetTempPath(), "vigil-cc-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var conf = Path.Combine(dir, "keepalived.conf");
        await File.WriteAllTextAsync(conf, "global_defs {\n    router_id node1\n    bogus_key 1\n}\nvrrp_thing {\n}\n");

        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["-t", "-f", conf, .. NoModules]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [$"{conf}:3: error: unknown keyword 'bogus_key' in global_defs", $"{conf}:5: error: unknown keyword 'vrrp_thing'"],
            result.Lines);
    }

    [Fact]
    public async Task KeepalivedFlagT_WithFileArgument_ChecksThatFile()
    {
        var dir = Path.Combine(Path.GetTempPath(), "vigil-cc-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        var conf = Path.Combine(dir, "keepalived.conf");
        await File.WriteAllTextAsync(conf, "global_defs {\n    router_id node1\n");

        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["-t", conf, .. NoModules]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"{conf}:1: error: missing '}}' to close global_defs"], result.Lines);
    }

    [Fact]
    public async Task CheckConfig_MissingFile_ExitsOneNamingIt()
    {
        var conf = Path.Combine(Path.GetTempPath(), "vigil-none-" + Guid.NewGuid().ToString("N") + ".conf");

        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["check-config", "-f", conf, .. NoModules]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([$"{conf}: error: cannot read configuration file '{conf}': no such file"], result.Lines);
    }

    [Fact]
    public async Task CheckConfig_SameSettingTwice_TakesTheLastValue()
    {
        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["check-config", "-f", "/dev/null", "--set", "Metrics:Port=70000", "--set", "Metrics:Port=9651", .. NoModules]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Run_InvalidHostOptions_ReportsEveryProblemAtOnce()
    {
        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["check-config", "-f", "/dev/null", "--set", "Metrics:Port=70000", "--set", "Metrics:Host=not-an-ip", "--set", "Syslog:Facility=nowhere", .. NoModules]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [
                "vigil: host configuration: Metrics:Port 70000 out of range 1-65535",
                "vigil: host configuration: Metrics:Host 'not-an-ip' is not an IP address, 'localhost' or '*'",
                "vigil: host configuration: Syslog:Facility 'nowhere' is not a syslog facility (daemon, local0-local7, user, ...)",
            ],
            result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
