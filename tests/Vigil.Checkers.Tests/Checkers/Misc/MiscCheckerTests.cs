using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Abstractions.Checks;
using Vigil.Checkers.Tests.Support;
using Vigil.Host.Processes;
using Vigil.Plugins.Checkers.Checkers.Misc;

namespace Vigil.Checkers.Tests.Checkers.Misc;

public sealed class MiscCheckerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-misc-").FullName;
    private readonly MiscChecker _checker = new(new ScriptRunner(NullLogger<ScriptRunner>.Instance, TimeProvider.System));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Schema_HasKeepalivedsDefaults()
    {
        var (settings, _, issues) = Probes.Read(_checker, 80, [("misc_path", "/bin/true"), ("delay_loop", "7")]);

        Assert.Empty(issues);
        Assert.Equal((0, TimeSpan.FromSeconds(1)), (settings!.Schedule.Retry, settings.Schedule.DelayBeforeRetry));
        var check = _checker.Create(Probes.Read(_checker, 80, [("misc_path", "/bin/true"), ("delay_loop", "7")]).Block, settings);
        Assert.Equal(TimeSpan.FromSeconds(7), check.ProbeTimeout);
    }

    [Theory]
    [InlineData("misc_timeout", "x", "virtual_server:0:real_server:0:MISC_CHECK:misc_timeout")]
    [InlineData("user", "a b c", "virtual_server:0:real_server:0:MISC_CHECK:user")]
    [InlineData("misc_path", "\"unclosed", "virtual_server:0:real_server:0:MISC_CHECK:misc_path")]
    [InlineData("connect_port", "80", "virtual_server:0:real_server:0:MISC_CHECK:connect_port")]
    public void BadKeywordsAreErrorsAtTheirPath(string key, string value, string path)
    {
        var block = key == "misc_path" ? [(key, value)] : new[] { ("misc_path", "/bin/true"), (key, value) };
        var (settings, _, issues) = Probes.Read(_checker, 80, block);

        Assert.Null(settings);
        Assert.Contains(issues, i => i.Path == path);
    }

    [Fact]
    public void MissingPathIsAnError()
    {
        var (_, _, issues) = Probes.Read(_checker, 80, [("misc_dynamic", "true")]);
        Assert.Contains(issues, i => i.Message == "missing misc_path in MISC_CHECK of real_server 127.0.0.1 80");
    }

    [Fact]
    public async Task UpDownUp_FollowsTheExitCode_AndDynamicSetsTheWeight()
    {
        var state = Path.Combine(_dir, "state");
        var script = Script("chk", $"#!/bin/sh\nexit $(cat {state})\n");
        await using var check = Probes.Create(_checker, 80, [("misc_path", script), ("misc_dynamic", "true"), ("misc_timeout", "5")]);

        var results = new List<CheckResult>();
        foreach (var exit in new[] { "0", "1", "7" })
        {
            await File.WriteAllTextAsync(state, exit);
            results.Add(await check.ProbeAsync(CancellationToken.None));
        }

        Assert.Equal([(true, null), (false, null), (true, 5)], results.Select(r => (r.Healthy, r.Weight)));
        Assert.Equal("exit code 1", results[1].Reason);
    }

    [Fact]
    public async Task LineWithShellSyntaxRunsThroughAShell()
    {
        await using var check = Probes.Create(_checker, 80, [("misc_path", $"test -d {_dir} && exit 3 || exit 0")]);
        var result = await check.ProbeAsync(CancellationToken.None);
        Assert.Equal("exit code 3", result.Reason);
    }

    [Fact]
    public async Task Timeout_KillsTheScriptsWholeProcessGroup()
    {
        var pidFile = Path.Combine(_dir, "child.pid");
        var script = Script("slow", $"#!/bin/sh\nsleep 300 &\necho $! > {pidFile}\nwait\n");
        await using var check = Probes.Create(_checker, 80, [("misc_path", script), ("misc_timeout", "1")]);

        var result = await check.ProbeAsync(CancellationToken.None);

        Assert.Equal(("timeout", CheckFailureKind.Timeout), (result.Reason, result.Failure));
        var child = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await Eventually.TrueAsync(() => Gone(child), $"the script's child {child} to be killed", 5);
    }

    private static bool Gone(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    private string Script(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }
}
