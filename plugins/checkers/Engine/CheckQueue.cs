namespace Vigil.Plugins.Checkers.Engine;

/// <summary>
/// When each check runs next: one priority queue for every check, so one loop drives them all. Scheduling an item again
/// replaces its earlier time; equal times come out in scheduling order. Pure.
/// </summary>
internal sealed class CheckQueue<T>
    where T : class
{
    private readonly PriorityQueue<(T Item, long Ticket), (DateTimeOffset Due, long Ticket)> _queue = new();
    private readonly Dictionary<T, long> _tickets = new(ReferenceEqualityComparer.Instance);
    private long _nextTicket;

    /// <summary>How many items are scheduled.</summary>
    public int Count => _tickets.Count;

    /// <summary>The earliest due time, or null when nothing is scheduled.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            DropStale();
            return _queue.TryPeek(out _, out var priority) ? priority.Due : null;
        }
    }

    /// <summary>Schedules <paramref name="item"/> at <paramref name="due"/>, replacing its earlier schedule.</summary>
    public void Schedule(T item, DateTimeOffset due)
    {
        var ticket = ++_nextTicket;
        _tickets[item] = ticket;
        _queue.Enqueue((item, ticket), (due, ticket));
    }

    /// <summary>Unschedules <paramref name="item"/>; false when it was not scheduled.</summary>
    public bool Cancel(T item) => _tickets.Remove(item);

    /// <summary>True when <paramref name="item"/> is scheduled.</summary>
    public bool Contains(T item) => _tickets.ContainsKey(item);

    /// <summary>Takes the earliest item due at or before <paramref name="now"/>, unscheduling it.</summary>
    public bool TryTakeDue(DateTimeOffset now, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? item)
    {
        DropStale();
        if (_queue.TryPeek(out var entry, out var priority) && priority.Due <= now)
        {
            _queue.Dequeue();
            _tickets.Remove(entry.Item);
            item = entry.Item;
            return true;
        }

        item = null;
        return false;
    }

    // Replaced and cancelled schedules stay in the heap until they reach its top; a removal from the middle would cost O(n).
    private void DropStale()
    {
        while (_queue.TryPeek(out var entry, out _) && (!_tickets.TryGetValue(entry.Item, out var ticket) || ticket != entry.Ticket))
        {
            _queue.Dequeue();
        }
    }
}
