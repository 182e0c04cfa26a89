using System.Net.Sockets;
using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>Names a socket error as a check failure. Pure.</summary>
internal static class SocketFailures
{
    /// <summary>The failure kind of <paramref name="error"/>.</summary>
    public static CheckFailureKind Kind(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => CheckFailureKind.Refused,
        SocketError.TimedOut => CheckFailureKind.Timeout,
        SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.NetworkDown
            or SocketError.AddressNotAvailable => CheckFailureKind.Unreachable,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => CheckFailureKind.Reset,
        _ => CheckFailureKind.Error,
    };

    /// <summary>A failed result for <paramref name="exception"/> met while doing <paramref name="what"/> (<c>connect to 10.0.0.1:80</c>).</summary>
    public static CheckResult Result(SocketException exception, string what) =>
        CheckResult.Fail(Kind(exception.SocketErrorCode), $"{what}: {exception.Message}");
}
