using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.State;
using Vigil.Host.Metrics;

namespace Vigil.Host.State;

/// <summary>
/// The host's <see cref="IClusterState"/>: copy-on-write snapshots behind one lock for writers, lock-free reads, and a
/// task per reader (<see cref="StateWatch"/>), so no reader can hold up a writer or another reader.
/// </summary>
internal sealed partial class ClusterStateStore : IClusterState, IDisposable
{
    private readonly Lock _gate = new();
    private readonly ILogger<ClusterStateStore> _logger;
    private readonly TimeProvider _time;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _changes;
    private ImmutableArray<StateWatch> _watches = [];
    private StateSnapshot _current = StateSnapshot.Empty;

    public ClusterStateStore(ILogger<ClusterStateStore> logger, TimeProvider time, HostMeter meter)
    {
        _logger = logger;
        _time = time;
        _failures = meter.Meter.CreateCounter<long>("vigil_state_reader_failures", "{call}", "Cluster-state reader calls that threw (the reader is called again).");
        _changes = meter.Meter.CreateCounter<long>("vigil_state_changes", "{change}", "Cluster-state entries set to a new value or removed.");
        meter.Meter.CreateObservableGauge("vigil_state_entries", () => Volatile.Read(ref _current).Count, "{entry}", "Entries in the cluster state.");
    }

    public IStateSnapshot Current => Volatile.Read(ref _current);

    public long Set<T>(StateKey<T> key, T value, string source)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        var slot = new StateSlot(typeof(T), key.Id);
        long version;
        lock (_gate)
        {
            if (_current.Find(slot) is StateEntry<T> existing && existing.Value.Equals(value))
            {
                return existing.Version;
            }

            version = _current.Version + 1;
            Volatile.Write(ref _current, _current.With(slot, new StateEntry<T>(key, value, version, source, _time.GetUtcNow()), version));
        }

        Changed(typeof(T));
        return version;
    }

    public bool Remove<T>(StateKey<T> key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        var slot = new StateSlot(typeof(T), key.Id);
        lock (_gate)
        {
            if (_current.Find(slot) is null)
            {
                return false;
            }

            Volatile.Write(ref _current, _current.Without(slot, _current.Version + 1));
        }

        Changed(typeof(T));
        return true;
    }

    public IDisposable Watch(string reader, Func<IStateSnapshot, CancellationToken, Task> reconcile, StateWatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reconcile);
        var watch = new StateWatch(
            reader,
            reconcile,
            options ?? new StateWatchOptions(),
            () => Volatile.Read(ref _current),
            OnReaderFailed,
            w => ImmutableInterlocked.Update(ref _watches, list => list.Remove(w)),
            _time);
        ImmutableInterlocked.Update(ref _watches, list => list.Add(watch));
        return watch;
    }

    /// <summary>Stops every reader (the host calls it after the modules have stopped).</summary>
    public void Dispose()
    {
        foreach (var watch in _watches)
        {
            watch.Dispose();
        }
    }

    private void Changed(Type type)
    {
        _changes.Add(1, new KeyValuePair<string, object?>("type", type.Name));
        foreach (var watch in _watches)
        {
            watch.Notify(type);
        }
    }

    private void OnReaderFailed(StateWatch watch, Exception error)
    {
        _failures.Add(1, new KeyValuePair<string, object?>("reader", watch.Reader));
        LogReaderFailed(error, watch.Reader);
    }

    [LoggerMessage(EventId = EventIds.StateReaderFailed, Level = LogLevel.Error, Message = "Cluster-state reader {Reader} failed; it is called again with the newest state")]
    private partial void LogReaderFailed(Exception error, string reader);
}
