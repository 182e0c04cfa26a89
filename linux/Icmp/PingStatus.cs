namespace Vigil.Linux.Icmp;

/// <summary>How one echo ended.</summary>
public enum PingStatus
{
    /// <summary>An echo reply came back in time.</summary>
    Replied,

    /// <summary>No reply within the timeout.</summary>
    TimedOut,

    /// <summary>The request could not be sent (no route, no socket); <see cref="PingResult.Detail"/> says why.</summary>
    Failed,
}
