namespace Vigil.Abstractions.Events;

/// <summary>
/// The typed, asynchronous, in-process event bus that carries everything modules tell each other.
/// </summary>
/// <remarks>
/// Each subscriber has its own bounded queue and its own reader: events reach one subscriber in the
/// order they were published, and a slow or throwing subscriber delays or breaks no other one.
/// A handler's exception is logged and counted, and the subscriber goes on with the next event.
/// When a subscriber's queue is full, <see cref="SubscriptionOptions.Overflow"/> decides which event is
/// dropped; the drop is logged and counted. Publishing never blocks.
/// </remarks>
public interface IEventBus
{
    /// <summary>Queues <paramref name="evt"/> for every subscriber of its type or a base type. Never blocks.</summary>
    void Publish(ClusterEvent evt);

    /// <summary>
    /// Subscribes <paramref name="handler"/> to events of type <typeparamref name="T"/> (and types derived from it).
    /// Dispose the result to unsubscribe.
    /// </summary>
    /// <param name="subscriber">A name for logs and metrics, e.g. <c>notify</c>.</param>
    /// <param name="handler">Called for one event at a time, in publish order.</param>
    /// <param name="options">Queue size and overflow policy; defaults when null.</param>
    IDisposable Subscribe<T>(string subscriber, Func<T, CancellationToken, Task> handler, SubscriptionOptions? options = null)
        where T : ClusterEvent;
}
