namespace Vigil.Abstractions.Processes;

/// <summary>
/// Runs configured scripts. The host provides the implementation (each script in its own process group,
/// killed whole on timeout); tests substitute a fake.
/// </summary>
public interface IScriptRunner
{
    /// <summary>Runs <paramref name="command"/> with <paramref name="extraArguments"/> appended and waits for it, at most <see cref="ScriptRunOptions.Timeout"/>.</summary>
    Task<ScriptResult> RunAsync(ScriptCommand command, IReadOnlyList<string> extraArguments, ScriptRunOptions options, CancellationToken cancellationToken);
}
