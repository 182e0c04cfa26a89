using Vigil.Abstractions.State;

namespace Vigil.Checkers.Tests.Support;

/// <summary>A shared state that keeps every write, for unit tests.</summary>
internal sealed class RecordingState : IClusterState
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Type, string), object> _entries = [];
    private readonly List<(string Id, object? Value)> _writes = [];

    public IStateSnapshot Current => throw new NotSupportedException("the engine only writes");

    /// <summary>Every Set (with its value) and Remove (null), in order.</summary>
    public IReadOnlyList<(string Id, object? Value)> Writes
    {
        get
        {
            lock (_gate)
            {
                return [.. _writes];
            }
        }
    }

    public IReadOnlyList<RealServerHealth> HealthWrites => Writes.Select(w => w.Value).OfType<RealServerHealth>().ToList();

    public T? Get<T>(StateKey<T> key)
        where T : class
    {
        lock (_gate)
        {
            return _entries.TryGetValue((typeof(T), key.Id), out var value) ? (T)value : null;
        }
    }

    public long Set<T>(StateKey<T> key, T value, string source)
        where T : class
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((typeof(T), key.Id), out var old) && old.Equals(value))
            {
                return _writes.Count;
            }

            _entries[(typeof(T), key.Id)] = value;
            _writes.Add((key.Id, value));
            return _writes.Count;
        }
    }

    public bool Remove<T>(StateKey<T> key)
        where T : class
    {
        lock (_gate)
        {
            _writes.Add((key.Id, null));
            return _entries.Remove((typeof(T), key.Id));
        }
    }

    public IDisposable Watch(string reader, Func<IStateSnapshot, CancellationToken, Task> reconcile, StateWatchOptions? options = null) =>
        throw new NotSupportedException("the engine only writes");
}
