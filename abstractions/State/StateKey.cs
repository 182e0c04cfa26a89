namespace Vigil.Abstractions.State;

/// <summary>
/// A stable key for one entry of <see cref="IClusterState"/>, typed by the value it holds. Keys of different value
/// types never collide, even with equal <see cref="Id"/>s. <see cref="StateKeys"/> builds the shared ones.
/// </summary>
/// <typeparam name="T">
/// The entry's value type: an immutable record with value equality, defined in an assembly every reader shares
/// (this one for the shared entries), so a reader in another plugin's load context sees the same type.
/// </typeparam>
/// <param name="Id">The entry's identity within its type, e.g. <c>10.1.0.93:80/tcp 10.1.0.69:80</c>.</param>
public sealed record StateKey<T>(string Id)
    where T : class
{
    /// <inheritdoc />
    public override string ToString() => $"{typeof(T).Name} {Id}";
}
