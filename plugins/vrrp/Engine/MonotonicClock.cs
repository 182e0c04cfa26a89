namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>Milliseconds of <see cref="TimeProvider.GetTimestamp"/>, the monotonic time the routers run on.</summary>
internal static class MonotonicClock
{
    /// <summary>Now, in milliseconds of the provider's monotonic clock.</summary>
    public static long NowMs(this TimeProvider time) =>
        (long)(time.GetTimestamp() * (1000.0 / time.TimestampFrequency));
}
