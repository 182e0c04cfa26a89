namespace Vigil.Plugins.Ipvs.Configuration;

/// <summary>The flags of the hashing schedulers (keepalived's <c>sh-port</c>, <c>sh-fallback</c>, <c>mh-port</c>, <c>mh-fallback</c>).</summary>
/// <param name="IncludePort">Hash the source port too, not only the address.</param>
/// <param name="Fallback">When the hashed server is unavailable, try the next instead of failing the connection.</param>
public sealed record HashOptions(bool IncludePort, bool Fallback)
{
    /// <summary>No flags: the address alone, no fallback.</summary>
    public static HashOptions None { get; } = new(false, false);
}
