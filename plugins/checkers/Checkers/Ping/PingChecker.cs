using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Linux.Icmp;

namespace Vigil.Plugins.Checkers.Checkers.Ping;

/// <summary>
/// keepalived's PING_CHECK: an ICMP or ICMPv6 echo, through an unprivileged ping socket when
/// <c>net.ipv4.ping_group_range</c> admits the daemon, else a raw socket; every check shares one socket per family.
/// </summary>
public sealed class PingChecker(IcmpPinger pinger) : IHealthChecker
{
    /// <inheritdoc />
    public string Name => "PING_CHECK";

    /// <inheritdoc />
    /// <remarks>The standard keywords only; keepalived's defaults: retry 1, delay_before_retry 1 s.</remarks>
    public CheckerSchema Schema { get; } = new([]);

    /// <inheritdoc />
    public void Validate(ConfigBlock block)
    {
        // Nothing of its own: CheckerBlockReader has validated the standard keywords, the only ones it takes.
    }

    /// <inheritdoc />
    public IHealthCheck Create(IConfigurationSection block, CheckSettings settings) => new PingCheck(settings, pinger);
}
