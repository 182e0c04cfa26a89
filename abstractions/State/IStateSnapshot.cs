namespace Vigil.Abstractions.State;

/// <summary>
/// An immutable, consistent view of the whole cluster state at one <see cref="Version"/>: nothing written after it was
/// taken shows through, so a reader reconciles against one coherent picture.
/// </summary>
public interface IStateSnapshot
{
    /// <summary>The store version this snapshot shows; 0 for an empty store.</summary>
    long Version { get; }

    /// <summary>The entry under <paramref name="key"/>, or null when there is none.</summary>
    StateEntry<T>? Get<T>(StateKey<T> key)
        where T : class;

    /// <summary>Every entry holding a <typeparamref name="T"/>, in key order.</summary>
    IReadOnlyList<StateEntry<T>> All<T>()
        where T : class;
}
