using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Processes;

namespace Vigil.Plugins.Checkers.Checkers.Misc;

/// <summary>
/// keepalived's MISC_CHECK: <c>misc_path</c> runs (without a shell unless the line needs one), within <c>misc_timeout</c>
/// (delay_loop by default), as <c>user USER [GROUP]</c>; its exit code decides (<see cref="MiscVerdict"/>).
/// </summary>
public sealed class MiscChecker(IScriptRunner runner) : IHealthChecker
{
    /// <inheritdoc />
    public string Name => "MISC_CHECK";

    /// <inheritdoc />
    /// <remarks>The timing keywords only (no connection); keepalived's defaults: retry 0, delay_before_retry 1 s.</remarks>
    public CheckerSchema Schema { get; } = new(["misc_path", "misc_timeout", "misc_dynamic", "user"], StandardCheckerOptions.Timing) { DefaultRetry = 0 };

    /// <inheritdoc />
    public void Validate(ConfigBlock block) => MiscSpec.Read(block);

    /// <inheritdoc />
    public IHealthCheck Create(IConfigurationSection block, CheckSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var spec = MiscSpec.Read(ReadBack.Block(block, Name)) ?? throw new InvalidOperationException($"{Name} block {block.Path} was not validated");
        return new MiscCheck(spec, spec.Timeout ?? settings.Schedule.DelayLoop, runner);
    }
}
