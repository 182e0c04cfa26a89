namespace Vigil.Abstractions.Checks;

/// <summary>What kind of failure a probe met; notifications, status and metrics name it.</summary>
public enum CheckFailureKind
{
    /// <summary>The connection or the answer did not come in time.</summary>
    Timeout,

    /// <summary>The connection was refused (TCP RST to the SYN, ICMP port unreachable).</summary>
    Refused,

    /// <summary>An established connection was reset.</summary>
    Reset,

    /// <summary>No route or host unreachable.</summary>
    Unreachable,

    /// <summary>An HTTP status outside the accepted ones; <see cref="CheckResult.Code"/> holds it.</summary>
    BadStatus,

    /// <summary>The body's digest differs from the configured one.</summary>
    DigestMismatch,

    /// <summary>The answer did not say what it should (a regex, an SMTP greeting, a DNS answer, a UDP reply).</summary>
    BadResponse,

    /// <summary>The TLS handshake or certificate verification failed.</summary>
    TlsError,

    /// <summary>A script exited with a failing code; <see cref="CheckResult.Code"/> holds it.</summary>
    ExitCode,

    /// <summary>Anything else (a script that cannot start, a socket that cannot be opened); the detail says what.</summary>
    Error,
}
