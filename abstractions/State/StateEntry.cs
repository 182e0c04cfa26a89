namespace Vigil.Abstractions.State;

/// <summary>One entry of the cluster state as a snapshot holds it.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Key">The entry's key.</param>
/// <param name="Value">The current value.</param>
/// <param name="Version">The store version at which this value was written; it grows with every change anywhere in the store.</param>
/// <param name="Source">The module that wrote it.</param>
/// <param name="Changed">When the value last changed.</param>
public sealed record StateEntry<T>(StateKey<T> Key, T Value, long Version, string Source, DateTimeOffset Changed)
    where T : class;
