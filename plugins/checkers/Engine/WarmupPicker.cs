namespace Vigil.Plugins.Checkers.Engine;

/// <summary>
/// The random delay before a check's first probe, up to its <c>warmup</c>, so checks that start together (every check at
/// start-up) spread out instead of hitting the servers at once.
/// </summary>
/// <param name="random">The source of randomness; tests pass a fixed one.</param>
internal sealed class WarmupPicker(Random random)
{
    /// <summary>A delay in [0, <paramref name="warmup"/>]; zero when warmup is zero.</summary>
    public TimeSpan Pick(TimeSpan warmup) =>
        warmup <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks((long)(warmup.Ticks * Math.Clamp(random.NextDouble(), 0d, 1d)));
}
