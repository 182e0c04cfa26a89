using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Events;
using Vigil.Host.Metrics;

namespace Vigil.Host.Events;

/// <summary>
/// The in-process bus: every subscriber owns a bounded queue drained by its own task, so ordering holds
/// per subscriber and one slow or failing handler cannot hold up another or the publisher.
/// </summary>
internal sealed partial class EventBus : IEventBus, IAsyncDisposable
{
    private readonly ILogger<EventBus> _logger;
    private readonly TimeProvider _time;
    private readonly Counter<long> _published;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _failed;
    private readonly CancellationTokenSource _stopping = new();
    private ImmutableArray<Subscription> _subscriptions = [];

    public EventBus(ILogger<EventBus> logger, TimeProvider time, HostMeter meter)
    {
        _logger = logger;
        _time = time;
        _published = meter.Meter.CreateCounter<long>("vigil_bus_events_published", "{event}", "Events published on the bus.");
        _dropped = meter.Meter.CreateCounter<long>("vigil_bus_events_dropped", "{event}", "Events dropped because a subscriber's queue was full.");
        _failed = meter.Meter.CreateCounter<long>("vigil_bus_handler_failures", "{event}", "Events whose handler threw.");
    }

    public void Publish(ClusterEvent evt)
    {
        if (evt.Timestamp == default)
        {
            evt = evt with { Timestamp = _time.GetUtcNow() };
        }

        _published.Add(1, new KeyValuePair<string, object?>("type", evt.GetType().Name));
        foreach (var subscription in _subscriptions)
        {
            if (subscription.Accepts(evt) && !subscription.TryEnqueue(evt))
            {
                _dropped.Add(1, new KeyValuePair<string, object?>("subscriber", subscription.Name));
                LogOverflow(subscription.Name, evt.GetType().Name, subscription.Options.Overflow);
            }
        }
    }

    public IDisposable Subscribe<T>(string subscriber, Func<T, CancellationToken, Task> handler, SubscriptionOptions? options = null)
        where T : ClusterEvent
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(
            subscriber,
            typeof(T),
            (evt, ct) => handler((T)evt, ct),
            options ?? new SubscriptionOptions(),
            OnHandlerFailed,
            Remove,
            _stopping.Token);
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Add(subscription));
        return subscription;
    }

    /// <summary>
    /// Waits until every subscriber has handled (or dropped) everything published before the call, at most
    /// <paramref name="timeout"/>; the bus stays open. The host calls it between stopping two modules, so a
    /// module's last events (a VRRP instance entering STOP) still reach the modules stopped after it.
    /// </summary>
    public async Task FlushAsync(TimeSpan timeout)
    {
        var targets = _subscriptions.Select(s => (Subscription: s, Accepted: s.Accepted)).ToList();
        // The bound is a shutdown safety net, not protocol timing, so it runs on the wall clock: the injected
        // clock may be a test's fake that never advances.
        using var expiry = new CancellationTokenSource(timeout);
        while (targets.Any(t => !t.Subscription.IsSettled(t.Accepted)) && !expiry.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Stops every subscriber after it has handled what is already queued, waiting at most <paramref name="timeout"/>.</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var subscriptions = _subscriptions;
        foreach (var s in subscriptions)
        {
            s.Complete();
        }

        await Task.WhenAny(Task.WhenAll(subscriptions.Select(s => s.Completion)), Task.Delay(timeout, _time)).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await DrainAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void Remove(Subscription subscription) =>
        ImmutableInterlocked.Update(ref _subscriptions, list => list.Remove(subscription));

    private void OnHandlerFailed(Subscription subscription, ClusterEvent evt, Exception error)
    {
        _failed.Add(1, new KeyValuePair<string, object?>("subscriber", subscription.Name));
        LogHandlerFailed(error, subscription.Name, evt.GetType().Name);
    }

    [LoggerMessage(EventId = EventIds.SubscriberFailed, Level = LogLevel.Error, Message = "Event subscriber {Subscriber} failed handling {EventType}")]
    private partial void LogHandlerFailed(Exception error, string subscriber, string eventType);

    [LoggerMessage(EventId = EventIds.SubscriberOverflow, Level = LogLevel.Warning, Message = "Event subscriber {Subscriber} is full; dropped a {EventType} event ({Policy})")]
    private partial void LogOverflow(string subscriber, string eventType, OverflowPolicy policy);
}
