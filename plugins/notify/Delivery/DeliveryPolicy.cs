namespace Vigil.Plugins.Notify.Delivery;

/// <summary>How hard a handler tries.</summary>
/// <param name="Timeout">One attempt is cancelled after this.</param>
/// <param name="Retries">Attempts after the first.</param>
/// <param name="Backoff">Wait before the first retry; doubled for each further one.</param>
/// <param name="MaxBackoff">The longest wait.</param>
internal sealed record DeliveryPolicy(TimeSpan Timeout, int Retries, TimeSpan Backoff, TimeSpan MaxBackoff)
{
    /// <summary>The wait before retry number <paramref name="retry"/> (1-based).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        var factor = Math.Pow(2, Math.Min(retry - 1, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(Backoff.Ticks * factor, MaxBackoff.Ticks));
        return delay;
    }
}
