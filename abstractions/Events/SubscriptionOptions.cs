namespace Vigil.Abstractions.Events;

/// <summary>How one subscriber's queue behaves.</summary>
public sealed record SubscriptionOptions
{
    /// <summary>Events the subscriber may have waiting. Defaults to 1024.</summary>
    public int Capacity { get; init; } = 1024;

    /// <summary>Which event to drop when the queue is full. Defaults to <see cref="OverflowPolicy.DropOldest"/>.</summary>
    public OverflowPolicy Overflow { get; init; } = OverflowPolicy.DropOldest;
}
