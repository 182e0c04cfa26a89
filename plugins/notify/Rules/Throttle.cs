namespace Vigil.Plugins.Notify.Rules;

/// <summary>How a handler holds back a flood: coalescing first, then a rate limit. Both optional.</summary>
/// <param name="Coalesce">Events for one subject within this window become one notification (the last, with a count).</param>
/// <param name="Limit">At most so many notifications per window and subject; the excess is dropped and counted.</param>
internal sealed record Throttle(TimeSpan? Coalesce, RateLimit? Limit)
{
    public static Throttle None { get; } = new(null, null);

    public bool IsNone => Coalesce is null && Limit is null;
}
