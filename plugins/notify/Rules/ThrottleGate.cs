using Vigil.Abstractions.Events;
using Vigil.Plugins.Notify.Delivery;
using Vigil.Plugins.Notify.Templates;

namespace Vigil.Plugins.Notify.Rules;

/// <summary>
/// Applies one handler's <see cref="Throttle"/> per subject (an instance, a real server): coalescing holds the
/// first event for the window and then releases the latest with a count; the rate limit then lets at most N
/// through per window and counts the rest into the next one released. Runs on the bus thread, so it never waits.
/// </summary>
internal sealed class ThrottleGate : IDisposable
{
    private readonly Throttle _throttle;
    private readonly TimeProvider _time;
    private readonly Action<DeliveryItem> _release;
    private readonly Action<string> _suppressed;
    private readonly object _gate = new();
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public ThrottleGate(Throttle throttle, TimeProvider time, Action<DeliveryItem> release, Action<string> suppressed)
    {
        _throttle = throttle;
        _time = time;
        _release = release;
        _suppressed = suppressed;
    }

    public void Offer(ClusterEvent evt)
    {
        if (_throttle.IsNone)
        {
            _release(new DeliveryItem(evt));
            return;
        }

        var key = SubjectOf(evt);
        if (_throttle.Coalesce is not { } window)
        {
            Limit(key, new DeliveryItem(evt));
            return;
        }

        lock (_gate)
        {
            if (_pending.TryGetValue(key, out var pending))
            {
                pending.Latest = evt;
                pending.Count++;
                _suppressed("coalesced");
                return;
            }

            pending = new Pending(evt);
            _pending[key] = pending;
            pending.Timer = _time.CreateTimer(_ => Flush(key), null, window, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var pending in _pending.Values)
            {
                pending.Timer?.Dispose();
            }

            _pending.Clear();
        }
    }

    private void Flush(string key)
    {
        Pending? pending;
        lock (_gate)
        {
            if (!_pending.Remove(key, out pending))
            {
                return;
            }

            pending.Timer?.Dispose();
        }

        Limit(key, new DeliveryItem(pending.Latest, pending.Count));
    }

    private void Limit(string key, DeliveryItem item)
    {
        if (_throttle.Limit is not { } limit)
        {
            _release(item);
            return;
        }

        var now = _time.GetUtcNow();
        int dropped;
        lock (_gate)
        {
            if (!_windows.TryGetValue(key, out var window))
            {
                window = new Window();
                _windows[key] = window;
            }

            while (window.Sent.Count > 0 && now - window.Sent.Peek() >= limit.Window)
            {
                window.Sent.Dequeue();
            }

            if (window.Sent.Count >= limit.Count)
            {
                window.Dropped += item.Coalesced;
                _suppressed("rate_limit");
                return;
            }

            window.Sent.Enqueue(now);
            dropped = window.Dropped;
            window.Dropped = 0;
        }

        _release(item with { Suppressed = dropped });
    }

    private static string SubjectOf(ClusterEvent evt)
    {
        var facts = EventFacts.Of(evt);
        return $"{facts.Kind}\n{facts.VirtualServer}\n{facts.Name}";
    }

    private sealed class Pending(ClusterEvent first)
    {
        public ClusterEvent Latest { get; set; } = first;

        public int Count { get; set; } = 1;

        public ITimer? Timer { get; set; }
    }

    private sealed class Window
    {
        public Queue<DateTimeOffset> Sent { get; } = new();

        public int Dropped { get; set; }
    }
}
