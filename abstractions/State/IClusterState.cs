namespace Vigil.Abstractions.State;

/// <summary>
/// The level-triggered state that modules steer by: real-server health and effective weight, VRRP instance state and
/// priority, administrative overrides such as a drained server. Unlike the event bus, nothing here is ever dropped:
/// every entry holds its latest value, a reader that starts late sees the current state at once, and a slow reader is
/// woken with the newest snapshot (intermediate values may be skipped, the last never is).
/// </summary>
/// <remarks>
/// Consumers reconcile: on each wake-up they compare the snapshot with what they have applied and fix the difference.
/// The bus keeps carrying the events (for notifications and logs); control decisions come from here.
/// Writes never block on readers. Writing a value equal to the current one changes nothing and wakes nobody.
/// </remarks>
public interface IClusterState
{
    /// <summary>The current state.</summary>
    IStateSnapshot Current { get; }

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>; returns the entry's version (unchanged when the value was equal).</summary>
    /// <param name="key">The entry.</param>
    /// <param name="value">Its new value.</param>
    /// <param name="source">The module writing it.</param>
    long Set<T>(StateKey<T> key, T value, string source)
        where T : class;

    /// <summary>Removes the entry; false when there was none.</summary>
    bool Remove<T>(StateKey<T> key)
        where T : class;

    /// <summary>
    /// Calls <paramref name="reconcile"/> at once with the current snapshot, then again whenever a watched entry changed
    /// since the snapshot it last handled, one call at a time on a task of its own. A reader that throws is logged and
    /// counted, takes nothing down, and is called again after <see cref="StateWatchOptions.RetryAfterFailure"/>.
    /// Dispose the result to stop watching.
    /// </summary>
    /// <param name="reader">A name for logs and metrics, e.g. <c>ipvs</c>.</param>
    /// <param name="reconcile">The reader's reconciliation.</param>
    /// <param name="options">Which changes wake it; defaults when null.</param>
    IDisposable Watch(string reader, Func<IStateSnapshot, CancellationToken, Task> reconcile, StateWatchOptions? options = null);
}
