namespace Vigil.Abstractions.Processes;

/// <summary>How a script ended.</summary>
/// <param name="ExitCode">Its exit code; null when it was killed or could not start.</param>
/// <param name="TimedOut">True when it was killed for running past its timeout.</param>
/// <param name="Error">Why it could not start (no such file, not executable, unknown user), else null.</param>
/// <param name="Output">The first few kilobytes of its standard output and error, for logs.</param>
public sealed record ScriptResult(int? ExitCode, bool TimedOut, string? Error, string Output)
{
    /// <summary>True when the script ran to completion with exit code 0.</summary>
    public bool Succeeded => ExitCode == 0;
}
