namespace Vigil.Linux.Icmp;

/// <summary>The outcome of one echo.</summary>
/// <param name="Status">Replied, timed out or failed.</param>
/// <param name="RoundTrip">The time to the reply; zero unless replied.</param>
/// <param name="Detail">Words for logs and check reasons.</param>
public sealed record PingResult(PingStatus Status, TimeSpan RoundTrip, string Detail);
