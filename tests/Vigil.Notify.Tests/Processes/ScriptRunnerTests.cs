using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Abstractions.Processes;
using Vigil.Host.Processes;
using Vigil.Notify.Tests.Support;

namespace Vigil.Notify.Tests.Processes;

public sealed class ScriptRunnerTests : IDisposable
{
    private static readonly string[] Hostile = ["it's \"quoted\"", "a; touch PWNED", "$(touch PWNED)", "`touch PWNED`", "line1\nline2", "*", ""];
    private readonly TempDir _dir = new();
    private readonly ScriptRunner _runner = new(NullLogger<ScriptRunner>.Instance, TimeProvider.System);

    [Fact]
    public async Task RunAsync_HostileArguments_ArriveVerbatimAsArgv()
    {
        var output = _dir.File("args");
        var script = _dir.RecordingScript("rec.sh", output);

        var result = await _runner.RunAsync(ScriptCommand.Parse($"{script} fixed"), Hostile, new ScriptRunOptions(TimeSpan.FromSeconds(10)), default);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["fixed", .. Hostile], Assert.Single(Wait.Runs(output)));
        Assert.False(File.Exists(_dir.File("PWNED")));
        Assert.False(File.Exists("/PWNED"));
    }

    [Fact]
    public async Task RunAsync_ShellLine_RunsThroughBashWithArgumentsAsPositionals()
    {
        var output = _dir.File("args");
        var script = _dir.RecordingScript("rec.sh", output);
        var line = $"[[ -d {_dir.Path} ]] && {script} \"$@\" || exit 3";

        var result = await _runner.RunAsync(ScriptCommand.Parse(line), Hostile, new ScriptRunOptions(TimeSpan.FromSeconds(10)), default);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Hostile, Assert.Single(Wait.Runs(output)));
        Assert.False(File.Exists(_dir.File("PWNED")));
    }

    [Fact]
    public async Task RunAsync_SeedCheckLine_ReturnsItsExitCode()
    {
        var result = await _runner.RunAsync(ScriptCommand.Parse($"[[ -f {_dir.Path}/down ]] && exit 1 || exit 0"), [], new ScriptRunOptions(TimeSpan.FromSeconds(10)), default);
        File.WriteAllText(_dir.File("down"), "");
        var down = await _runner.RunAsync(ScriptCommand.Parse($"[[ -f {_dir.Path}/down ]] && exit 1 || exit 0"), [], new ScriptRunOptions(TimeSpan.FromSeconds(10)), default);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, down.ExitCode);
    }

    [Fact]
    public async Task RunAsync_MissingScript_ReturnsErrorWithoutThrowing()
    {
        var result = await _runner.RunAsync(ScriptCommand.Parse(_dir.File("nope.sh") + " master"), [], new ScriptRunOptions(TimeSpan.FromSeconds(5)), default);

        Assert.Null(result.ExitCode);
        Assert.Contains("no such file", result.Error);
    }

    [Fact]
    public async Task RunAsync_NotExecutable_ReturnsError()
    {
        var path = _dir.File("plain.sh");
        File.WriteAllText(path, "exit 0");

        var result = await _runner.RunAsync(ScriptCommand.Parse(path), [], new ScriptRunOptions(TimeSpan.FromSeconds(5)), default);

        Assert.Contains("not executable", result.Error);
    }

    [Fact]
    public async Task RunAsync_UnknownUser_ReturnsError()
    {
        var script = _dir.Script("ok.sh", "exit 0");

        var result = await _runner.RunAsync(ScriptCommand.Parse(script), [], new ScriptRunOptions(TimeSpan.FromSeconds(5), "no-such-user-vg"), default);

        Assert.Equal("unknown user no-such-user-vg", result.Error);
    }

    [Fact]
    public async Task RunAsync_AsUser_RunsWithThatUsersIds()
    {
        var script = _dir.Script("who.sh", "id -un");

        var result = await _runner.RunAsync(ScriptCommand.Parse(script), [], new ScriptRunOptions(TimeSpan.FromSeconds(10), "nobody"), default);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("nobody", result.Output.Trim());
    }

    [Fact]
    public async Task RunAsync_HungScript_KillsItsWholeProcessGroupAtTimeout()
    {
        var pidFile = _dir.File("child.pid");
        var script = _dir.Script("hang.sh", $"sleep 300 &\necho $! > {pidFile}\nsleep 300");
        var started = DateTime.UtcNow;

        var result = await _runner.RunAsync(ScriptCommand.Parse(script), [], new ScriptRunOptions(TimeSpan.FromSeconds(1)), default);

        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        var child = File.ReadAllText(pidFile).Trim();
        Assert.True(await Wait.UntilAsync(() => !Directory.Exists($"/proc/{child}") || File.ReadAllText($"/proc/{child}/stat").Contains(") Z ", StringComparison.Ordinal), 5),
            "the script's background child survived the timeout");
    }

    [Fact]
    public async Task RunAsync_ChattyScript_KeepsOnlyTheFirstKilobytes()
    {
        var script = _dir.Script("chatty.sh", "head -c 1000000 /dev/zero | tr '\\0' x");

        var result = await _runner.RunAsync(ScriptCommand.Parse(script), [], new ScriptRunOptions(TimeSpan.FromSeconds(10)), default);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(ScriptRunner.OutputLimit, result.Output.Length);
    }

    public void Dispose() => _dir.Dispose();
}
