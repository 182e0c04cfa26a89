using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Checkers.Dns;

/// <summary>keepalived's DNS_CHECK: a UDP query of <c>type</c> for <c>name</c> must get a NOERROR response.</summary>
public sealed class DnsChecker : IHealthChecker
{
    /// <inheritdoc />
    public string Name => "DNS_CHECK";

    /// <inheritdoc />
    /// <remarks>keepalived's DNS defaults: retry 3, delay_before_retry delay_loop.</remarks>
    public CheckerSchema Schema { get; } = new(["type", "name"]) { DefaultRetry = 3, DefaultDelayBeforeRetry = null };

    /// <inheritdoc />
    public void Validate(ConfigBlock block) => DnsSpec.Read(block);

    /// <inheritdoc />
    public IHealthCheck Create(IConfigurationSection block, CheckSettings settings) => new DnsCheck(settings, DnsSpec.Read(ReadBack.Block(block, Name)));
}
