namespace Vigil.Abstractions.Checks;

/// <summary>
/// One configured check of one real server: a single probe. Retries, delays, warmup and alpha/omega belong to the
/// checkers module's scheduling engine, never to the check; a probe only looks once and says what it saw.
/// Disposed when a reload removes it or the module stops, so it releases its sockets.
/// </summary>
public interface IHealthCheck : IAsyncDisposable
{
    /// <summary>
    /// Probes the server once. The connect timeout is the check's own (<see cref="CheckSettings.ConnectTimeout"/>);
    /// <paramref name="cancellationToken"/> also ends the probe (the engine's overall bound, a reload, a stop).
    /// Failures are results, not exceptions.
    /// </summary>
    ValueTask<CheckResult> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// How long one probe may run when that is longer than <see cref="CheckSettings.ConnectTimeout"/> and
    /// <c>delay_loop</c> (MISC_CHECK's <c>misc_timeout</c>); the engine's overall bound then grows to match. Defaults to zero.
    /// </summary>
    TimeSpan ProbeTimeout => TimeSpan.Zero;
}
