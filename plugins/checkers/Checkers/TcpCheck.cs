using System.Net.Sockets;
using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>One TCP_CHECK probe: the server passes when a connection opens within <c>connect_timeout</c>.</summary>
internal sealed class TcpCheck(CheckSettings settings) : IHealthCheck
{
    private readonly CheckResult _passed = CheckResult.Pass($"connected to {settings.Connect}");

    /// <inheritdoc />
    public async ValueTask<CheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var socket = await ProbeConnector.ConnectAsync(settings, cancellationToken).ConfigureAwait(false);

            // Closed with a reset, as HAProxy closes its checks: the connection was the whole test, and a FIN would leave
            // it in TIME_WAIT here for a minute (600,000 sockets at 10,000 checks a second).
            socket.LingerState = new LingerOption(true, 0);
            return _passed;
        }
        catch (ProbeFailedException e)
        {
            return e.Result;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
