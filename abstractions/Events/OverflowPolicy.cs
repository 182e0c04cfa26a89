namespace Vigil.Abstractions.Events;

/// <summary>What a full subscriber queue does with one more event. Either way the publisher is never blocked.</summary>
public enum OverflowPolicy
{
    /// <summary>Drop the oldest waiting event: the subscriber sees the most recent state (right for state changes).</summary>
    DropOldest,

    /// <summary>Drop the new event: the subscriber sees an unbroken prefix of history.</summary>
    DropNewest,
}
