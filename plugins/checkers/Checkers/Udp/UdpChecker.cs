using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Checkers.Udp;

/// <summary>keepalived's UDP_CHECK: <c>payload</c>, <c>require_reply</c> [HEX], <c>min_reply_length</c>, <c>max_reply_length</c>.</summary>
public sealed class UdpChecker : IHealthChecker
{
    /// <inheritdoc />
    public string Name => "UDP_CHECK";

    /// <inheritdoc />
    /// <remarks>keepalived's common defaults: retry 1, delay_before_retry 1 s.</remarks>
    public CheckerSchema Schema { get; } = new(["payload", "require_reply", "min_reply_length", "max_reply_length"]);

    /// <inheritdoc />
    public void Validate(ConfigBlock block) => UdpSpec.Read(block);

    /// <inheritdoc />
    public IHealthCheck Create(IConfigurationSection block, CheckSettings settings) => new UdpCheck(settings, UdpSpec.Read(ReadBack.Block(block, Name)));
}
