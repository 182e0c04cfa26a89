using System.Net.Sockets;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>
/// keepalived's preferences for rules written without one: 16384 downwards per address family, in reading order, so
/// rules added and deleted on every MASTER transition always land in the same place.
/// </summary>
internal sealed class RulePreferences
{
    /// <summary>keepalived's RULE_START_PRIORITY.</summary>
    public const uint Start = 16384;

    private uint _nextIpv4 = Start;
    private uint _nextIpv6 = Start;

    /// <summary>The next preference for <paramref name="family"/>.</summary>
    public uint Next(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? _nextIpv6-- : _nextIpv4--;
}
