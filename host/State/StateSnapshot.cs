using System.Collections.Immutable;
using Vigil.Abstractions.State;

namespace Vigil.Host.State;

/// <summary>An immutable version of the whole store; writers derive the next one, readers keep theirs as long as they like.</summary>
internal sealed class StateSnapshot : IStateSnapshot
{
    private readonly ImmutableDictionary<Type, ImmutableSortedDictionary<string, object>> _byType;

    private StateSnapshot(long version, ImmutableDictionary<Type, ImmutableSortedDictionary<string, object>> byType, int count)
    {
        Version = version;
        _byType = byType;
        Count = count;
    }

    public static StateSnapshot Empty { get; } = new(0, ImmutableDictionary<Type, ImmutableSortedDictionary<string, object>>.Empty, 0);

    public long Version { get; }

    /// <summary>How many entries the snapshot holds.</summary>
    public int Count { get; }

    public StateEntry<T>? Get<T>(StateKey<T> key)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        return Find(new StateSlot(typeof(T), key.Id)) as StateEntry<T>;
    }

    public IReadOnlyList<StateEntry<T>> All<T>()
        where T : class =>
        _byType.TryGetValue(typeof(T), out var entries) ? entries.Values.Cast<StateEntry<T>>().ToList() : [];

    /// <summary>The entry (a <c>StateEntry&lt;T&gt;</c>) in <paramref name="slot"/>, or null.</summary>
    public object? Find(StateSlot slot) =>
        _byType.TryGetValue(slot.Type, out var entries) && entries.TryGetValue(slot.Id, out var entry) ? entry : null;

    /// <summary>The next version with <paramref name="entry"/> in <paramref name="slot"/>.</summary>
    public StateSnapshot With(StateSlot slot, object entry, long version)
    {
        var entries = _byType.TryGetValue(slot.Type, out var existing) ? existing : ImmutableSortedDictionary.Create<string, object>(StringComparer.Ordinal);
        var count = entries.ContainsKey(slot.Id) ? Count : Count + 1;
        return new StateSnapshot(version, _byType.SetItem(slot.Type, entries.SetItem(slot.Id, entry)), count);
    }

    /// <summary>The next version without the entry in <paramref name="slot"/>.</summary>
    public StateSnapshot Without(StateSlot slot, long version)
    {
        var entries = _byType[slot.Type].Remove(slot.Id);
        return new StateSnapshot(version, entries.IsEmpty ? _byType.Remove(slot.Type) : _byType.SetItem(slot.Type, entries), Count - 1);
    }
}
