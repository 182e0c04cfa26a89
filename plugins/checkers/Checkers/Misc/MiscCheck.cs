using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Processes;

namespace Vigil.Plugins.Checkers.Checkers.Misc;

/// <summary>One MISC_CHECK probe: runs the script through the host's runner, which kills its whole process group on timeout.</summary>
internal sealed class MiscCheck(MiscSpec spec, TimeSpan timeout, IScriptRunner runner) : IHealthCheck
{
    private readonly ScriptRunOptions _options = new(timeout, spec.User) { Group = spec.Group };

    /// <inheritdoc />
    public TimeSpan ProbeTimeout => timeout;

    /// <inheritdoc />
    public async ValueTask<CheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var run = await runner.RunAsync(spec.Command, [], _options, cancellationToken).ConfigureAwait(false);
        return MiscVerdict.Of(run, spec.Command.ViaShell ? spec.Command.Line : spec.Command.FileName, spec.Dynamic, timeout);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
