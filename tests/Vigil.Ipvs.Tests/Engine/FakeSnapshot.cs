using Vigil.Abstractions.State;

namespace Vigil.Ipvs.Tests.Engine;

/// <summary>An in-memory snapshot for the pure planner's tests.</summary>
internal sealed class FakeSnapshot : IStateSnapshot
{
    private readonly Dictionary<(Type, string), object> _entries = [];

    public long Version => _entries.Count;

    public FakeSnapshot With<T>(StateKey<T> key, T value)
        where T : class
    {
        _entries[(typeof(T), key.Id)] = new StateEntry<T>(key, value, _entries.Count + 1, "test", DateTimeOffset.UnixEpoch);
        return this;
    }

    public StateEntry<T>? Get<T>(StateKey<T> key)
        where T : class => _entries.TryGetValue((typeof(T), key.Id), out var e) ? (StateEntry<T>)e : null;

    public IReadOnlyList<StateEntry<T>> All<T>()
        where T : class => _entries.Values.OfType<StateEntry<T>>().ToList();
}
