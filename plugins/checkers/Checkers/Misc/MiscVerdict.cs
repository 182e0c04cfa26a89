using System.Globalization;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Processes;

namespace Vigil.Plugins.Checkers.Checkers.Misc;

/// <summary>
/// keepalived's reading of a MISC_CHECK run (check_misc.c): exit 0 is up; with <c>misc_dynamic</c>, exit 2–255 is up
/// with weight exit−2 (0–253, an absolute weight); any other exit is down, and so are a timeout and a script that cannot
/// start. Pure.
/// </summary>
internal static class MiscVerdict
{
    /// <summary>The result of <paramref name="run"/> of <paramref name="path"/>.</summary>
    public static CheckResult Of(ScriptResult run, string path, bool dynamic, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Error is { } error)
        {
            return CheckResult.Fail(CheckFailureKind.Error, $"cannot run {path}: {error}");
        }

        if (run.TimedOut || run.ExitCode is not { } code)
        {
            return CheckResult.Fail(CheckFailureKind.Timeout, $"{path} timed out after {ProbeConnector.Seconds(timeout)} s");
        }

        var text = code.ToString(CultureInfo.InvariantCulture);
        if (code == 0)
        {
            return CheckResult.Pass($"{path} exited with 0");
        }

        if (dynamic && code is >= 2 and <= 255)
        {
            return CheckResult.Pass($"{path} exited with {text}: weight {(code - 2).ToString(CultureInfo.InvariantCulture)}", code - 2);
        }

        return CheckResult.Fail(CheckFailureKind.ExitCode, $"{path} exited with {text}", code);
    }
}
