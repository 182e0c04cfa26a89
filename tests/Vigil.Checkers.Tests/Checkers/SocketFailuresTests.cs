using System.Net.Sockets;
using Vigil.Abstractions.Checks;
using Vigil.Plugins.Checkers.Checkers;

namespace Vigil.Checkers.Tests.Checkers;

public sealed class SocketFailuresTests
{
    [Theory]
    [InlineData(SocketError.ConnectionRefused, CheckFailureKind.Refused)]
    [InlineData(SocketError.TimedOut, CheckFailureKind.Timeout)]
    [InlineData(SocketError.HostUnreachable, CheckFailureKind.Unreachable)]
    [InlineData(SocketError.NetworkUnreachable, CheckFailureKind.Unreachable)]
    [InlineData(SocketError.HostDown, CheckFailureKind.Unreachable)]
    [InlineData(SocketError.ConnectionReset, CheckFailureKind.Reset)]
    [InlineData(SocketError.AccessDenied, CheckFailureKind.Error)]
    public void NamesTheFailure(SocketError error, CheckFailureKind kind) => Assert.Equal(kind, SocketFailures.Kind(error));
}
