using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>keepalived's TCP_CHECK: a connection to the real server (or <c>connect_ip</c>/<c>connect_port</c>) must open.</summary>
public sealed class TcpChecker : IHealthChecker
{
    /// <inheritdoc />
    public string Name => "TCP_CHECK";

    /// <inheritdoc />
    /// <remarks>Only the standard keywords; keepalived's defaults (retry 1, delay_before_retry 1 s).</remarks>
    public CheckerSchema Schema { get; } = new([]);

    /// <inheritdoc />
    public void Validate(ConfigBlock block)
    {
        // Nothing of its own to check: CheckerBlockReader has validated the standard keywords, the only ones it takes.
    }

    /// <inheritdoc />
    public IHealthCheck Create(IConfigurationSection block, CheckSettings settings) => new TcpCheck(settings);
}
