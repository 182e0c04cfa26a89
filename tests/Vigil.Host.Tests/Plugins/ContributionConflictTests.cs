using Vigil.Testing;
using Vigil.Testing.Processes;
using Vigil.Host.Tests.Support;

namespace Vigil.Host.Tests.Plugins;

/// <summary>Two plugins claiming one thing is a load error naming both, found before any module starts.</summary>
public sealed class ContributionConflictTests
{
    [Fact]
    public async Task StartAsync_TwoPluginsRegisterOneCheckerName_FailsNamingBoth_BeforeAnyModuleStarts()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), "smtpcheck", "dupa");

        var failure = await runtime.StartAsync(CancellationToken.None);

        Assert.Equal("modules 'smtpcheck' and 'dupa' both register checker 'SMTP_CHECK'", failure);
        Assert.All(runtime.GetStatus()["modules"]!.AsArray(), m => Assert.Equal("loaded", m!["state"]!.GetValue<string>()));
    }

    [Fact]
    public async Task StartAsync_TwoCopiesOfOnePlugin_ReportsEveryConflict()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        await using var runtime = RuntimeHarness.Create(plugins, RuntimeHarness.EmptyClusterFile(), "dupa", "dupb");

        var failure = await runtime.StartAsync(CancellationToken.None);

        Assert.Equal(
            "modules 'dupa' and 'dupb' both register section 'dup_section'; "
            + "modules 'dupa' and 'dupb' both register keyword 'dup_keyword' in 'vrrp_instance'; "
            + "modules 'dupa' and 'dupb' both register checker 'SMTP_CHECK'; "
            + "modules 'dupa' and 'dupb' both register operation 'dup.echo'; "
            + "modules 'dupa' and 'dupb' both register command 'dup echo'",
            failure);
    }

    [Fact]
    public async Task CheckConfig_ConflictingPlugins_ExitsOneWithTheConflictLine()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();

        var result = await Command.RunAsync(RepoPaths.VigilBinary, [
            "check-config", "-f", RuntimeHarness.EmptyClusterFile(), "--plugins-dir", plugins,
            "--set", "Modules:vrrp:Enabled=false", "--set", "Modules:notify:Enabled=false", "--set", "Modules:ipvs:Enabled=false", "--set", "Modules:checkers:Enabled=false", "--set", "Modules:smtp-check:Enabled=false",
            "--set", "Modules:smtpcheck:Enabled=true", "--set", "Modules:dupa:Enabled=true"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("vigil: modules 'dupa' and 'smtpcheck' both register checker 'SMTP_CHECK'", result.Stderr.Trim());
    }
}
