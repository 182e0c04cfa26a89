namespace Vigil.Abstractions.State;

/// <summary>How one reader of <see cref="IClusterState.Watch"/> is woken.</summary>
public sealed record StateWatchOptions
{
    /// <summary>
    /// Wake only for changes to entries of these value types; null wakes for every change. Defaults to null.
    /// </summary>
    public IReadOnlyCollection<Type>? Types { get; init; }

    /// <summary>After the reader throws, call it again with the latest snapshot after this long, changed or not. Defaults to 1 second.</summary>
    public TimeSpan RetryAfterFailure { get; init; } = TimeSpan.FromSeconds(1);
}
