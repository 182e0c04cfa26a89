using Vigil.Abstractions.Checks;
using Vigil.Plugins.Checkers.Configuration;

namespace Vigil.Plugins.Checkers.Engine;

/// <summary>One running check: its probe, its keepalived state and its last result. Guarded by the engine's lock.</summary>
internal sealed class CheckRunner(CheckDefinition definition, IHealthCheck check, RealServerEntry server, TimeProvider time)
{
    /// <summary>What it was built from.</summary>
    public CheckDefinition Definition => definition;

    /// <summary>The probe.</summary>
    public IHealthCheck Check => check;

    /// <summary>The real server it belongs to.</summary>
    public RealServerEntry Server => server;

    /// <summary>Up or down, and retries spent.</summary>
    public CheckTracker Tracker { get; } = new(definition.Settings.Schedule);

    /// <summary>The last counted result in words, or why there is none yet.</summary>
    public string Reason { get; set; } = definition.Settings.Schedule.Alpha ? "alpha: down until a check passes" : "not checked yet";

    /// <summary>The weight the last passing probe set, or null.</summary>
    public int? Weight { get; set; }

    /// <summary>True while a probe runs.</summary>
    public bool Probing { get; set; }

    /// <summary>True once a reload removed it or the engine stopped: results are dropped and the probe is disposed.</summary>
    public bool Retired { get; set; }

    /// <summary>
    /// Ends the running probe at the engine's bound (armed for each probe) or when the check is retired. One source
    /// for the check's whole life while no probe times out, so a cycle allocates no timer.
    /// </summary>
    public CancellationTokenSource Cancel { get; private set; } = new(Timeout.InfiniteTimeSpan, time);

    /// <summary>
    /// Disarms <see cref="Cancel"/> after a probe, replacing it when the bound fired, or when the clock is not the
    /// system's (a source on another clock cannot be reset).
    /// </summary>
    public void Rearm()
    {
        if (!Cancel.TryReset())
        {
            Cancel.Dispose();
            Cancel = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        }
    }

    /// <summary>The check as the verdict sees it.</summary>
    public CheckView View => new(definition.Checker.Name, Tracker.Up, Reason, Weight);
}
