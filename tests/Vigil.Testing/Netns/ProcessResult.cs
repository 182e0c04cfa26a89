namespace Vigil.Testing.Netns;

/// <summary>What a finished command printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Throws with the command's output when it failed.</summary>
    public ProcessResult EnsureSuccess(string what)
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} exited {ExitCode}: {Stderr.Trim()} {Stdout.Trim()}");
        }

        return this;
    }
}
