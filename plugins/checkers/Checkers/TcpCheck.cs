using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>One TCP_CHECK probe: the server passes when a connection opens within <c>connect_timeout</c>.</summary>
internal sealed class TcpCheck(CheckSettings settings) : IHealthCheck
{
    /// <inheritdoc />
    public async ValueTask<CheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var socket = await ProbeConnector.ConnectAsync(settings, cancellationToken).ConfigureAwait(false);
            return CheckResult.Pass($"connected to {settings.Connect}");
        }
        catch (ProbeFailedException e)
        {
            return e.Result;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
