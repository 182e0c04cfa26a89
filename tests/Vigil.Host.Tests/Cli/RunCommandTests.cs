using Vigil.Host.Tests.Support;
using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Cli;

/// <summary>The real executable: start, status, reload (good and bad), SIGTERM.</summary>
public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_StatusShowsModules_BadReloadKeepsRunningConfig_SigtermExitsZero()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        var dir = VigilInstance.NewDirectory();
        var conf = Path.Combine(dir, "keepalived.conf");
        await File.WriteAllTextAsync(conf, "global_defs {\n    router_id node1\n}\n");
        await using var vigil = await VigilInstance.StartAsync(dir, conf, plugins, "alpha");

        var status = await vigil.StatusAsync();
        Assert.Equal([conf], status["configFiles"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("running", status["modules"]![0]!["state"]!.GetValue<string>());
        Assert.Equal(File.ReadAllText(vigil.PidFile).Trim(), vigil.Process.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await File.WriteAllTextAsync(conf, "global_defs {\n    router_id node1\n\n");
        vigil.Process.Signal(BackgroundProcess.SigHup);
        await vigil.Process.WaitForOutputAsync("Reload rejected", TimeSpan.FromSeconds(10));
        status = await vigil.StatusAsync();
        Assert.Equal("running", status["modules"]![0]!["state"]!.GetValue<string>());
        var rejected = Assert.Single(status["lastReloadErrors"]!.AsArray());
        Assert.StartsWith($"{conf}:1: error: ", rejected!.GetValue<string>());

        await File.WriteAllTextAsync(conf, "global_defs {\n    router_id node2\n}\n");
        vigil.Process.Signal(BackgroundProcess.SigHup);
        await vigil.Process.WaitForOutputAsync("Configuration reloaded", TimeSpan.FromSeconds(10));
        status = await vigil.StatusAsync();
        Assert.Empty(status["lastReloadErrors"]!.AsArray());

        var table = await Command.RunAsync(RepoPaths.VigilBinary, ["status", "--admin-socket", vigil.AdminSocket]);
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains(table.Lines, l => l.StartsWith("alpha", StringComparison.Ordinal) && l.Contains("running", StringComparison.Ordinal));
        Assert.Contains("dependency: v1", table.Stdout);

        vigil.Process.Signal(BackgroundProcess.SigTerm);
        Assert.True(await vigil.Process.WaitForExitAsync(TimeSpan.FromSeconds(15)), vigil.Process.Output);
        Assert.Equal(0, vigil.Process.ExitCode);
        Assert.False(File.Exists(vigil.PidFile));
        Assert.False(File.Exists(vigil.AdminSocket));
        Assert.Contains("Stopping module alpha", vigil.Process.Output);
    }

    [Fact]
    public async Task Run_AdminSocketIsRootOnly()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        var dir = VigilInstance.NewDirectory();
        var conf = Path.Combine(dir, "keepalived.conf");
        await File.WriteAllTextAsync(conf, "global_defs {\n    router_id node1\n}\n");
        await using var vigil = await VigilInstance.StartAsync(dir, conf, plugins, "alpha");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(vigil.AdminSocket));
    }

    [Fact]
    public async Task Run_EnabledModuleMissing_ExitsOneWithOneLine()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        var dir = VigilInstance.NewDirectory();
        var conf = Path.Combine(dir, "keepalived.conf");
        await File.WriteAllTextAsync(conf, "global_defs {\n    router_id node1\n}\n");
        var args = new List<string> { "run", "-f", conf };
        args.AddRange(VigilInstance.Flags(dir, plugins, FreePort.Next(), "ghost"));

        var result = await Command.RunAsync(RepoPaths.VigilBinary, args);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"vigil: module 'ghost': plugin folder {Path.Combine(plugins, "ghost")} not found", result.Stderr.Trim());
    }

    [Fact]
    public async Task Run_ModuleThrowsAtStart_ExitsOneNamingIt()
    {
        var plugins = await TestPlugins.EnsureBuiltAsync();
        var dir = VigilInstance.NewDirectory();
        var conf = Path.Combine(dir, "keepalived.conf");
        await File.WriteAllTextAsync(conf, "global_defs {\n    router_id node1\n}\n");
        var args = new List<string> { "-f", conf, "--dont-fork", "--log-console", "-D" };
        args.AddRange(VigilInstance.Flags(dir, plugins, FreePort.Next(), "broken"));

        var result = await Command.RunAsync(RepoPaths.VigilBinary, args);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("vigil: module 'broken': failed to start: cannot open /dev/broken: no such device", result.Stderr.Trim());
    }

    [Fact]
    public async Task NoArguments_PrintsHelp()
    {
        var result = await Command.RunAsync(RepoPaths.VigilBinary, []);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("check-config", result.Stdout);
        Assert.Contains("--dont-fork", result.Stdout);
    }

    [Fact]
    public async Task Status_NoInstanceRunning_ExitsOneSayingSo()
    {
        var socket = Path.Combine(VigilInstance.NewDirectory(), "none.sock");

        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["status", "--admin-socket", socket]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"vigil: no running instance answers on {socket}", result.Stderr);
    }
}
