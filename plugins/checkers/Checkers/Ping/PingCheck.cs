using Vigil.Abstractions.Checks;
using Vigil.Linux.Icmp;

namespace Vigil.Plugins.Checkers.Checkers.Ping;

/// <summary>One PING_CHECK probe: an echo to <c>connect_ip</c> (the real server) must be answered within <c>connect_timeout</c>.</summary>
internal sealed class PingCheck(CheckSettings settings, IcmpPinger pinger) : IHealthCheck
{
    /// <inheritdoc />
    public async ValueTask<CheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var result = await pinger.PingAsync(settings.Connect.Address, settings.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        return result.Status switch
        {
            PingStatus.Replied => CheckResult.Pass(result.Detail),
            PingStatus.TimedOut => CheckResult.Fail(CheckFailureKind.Timeout, result.Detail),
            _ => CheckResult.Fail(CheckFailureKind.Unreachable, result.Detail),
        };
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
