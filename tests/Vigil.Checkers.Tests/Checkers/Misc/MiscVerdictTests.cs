using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Processes;
using Vigil.Plugins.Checkers.Checkers.Misc;

namespace Vigil.Checkers.Tests.Checkers.Misc;

public sealed class MiscVerdictTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData(0, false, true, null, "ok")]
    [InlineData(0, true, true, null, "ok")]
    [InlineData(1, false, false, null, "exit code 1")]
    [InlineData(1, true, false, null, "exit code 1")]
    [InlineData(2, false, false, null, "exit code 2")]
    [InlineData(2, true, true, 0, "ok")]
    [InlineData(7, true, true, 5, "ok")]
    [InlineData(255, true, true, 253, "ok")]
    [InlineData(255, false, false, null, "exit code 255")]
    public void ExitCodeDecides(int exit, bool dynamic, bool healthy, int? weight, string reason)
    {
        var result = MiscVerdict.Of(new ScriptResult(exit, false, null, ""), "/usr/local/bin/chk", dynamic, Timeout);

        Assert.Equal((healthy, weight, reason), (result.Healthy, result.Weight, result.Reason));
    }

    [Fact]
    public void TimeoutAndStartFailureAreDown()
    {
        var timedOut = MiscVerdict.Of(new ScriptResult(null, true, null, ""), "/chk", false, Timeout);
        var missing = MiscVerdict.Of(new ScriptResult(null, false, "not found", ""), "/chk", false, Timeout);

        Assert.Equal(("timeout", "/chk timed out after 3 s"), (timedOut.Reason, timedOut.Detail));
        Assert.Equal((CheckFailureKind.Error, "cannot run /chk: not found"), (missing.Failure, missing.Detail));
    }
}
