using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>Reads the vrrp keys of global_defs; the host owns the block's other keys and its keyword check.</summary>
internal static class VrrpGlobalReader
{
    /// <summary>Parses the vrrp keys of <paramref name="globalDefs"/>.</summary>
    public static VrrpGlobalOptions Read(IConfigurationSection globalDefs, ValidationReport report)
    {
        var values = new ConfigBlock(globalDefs, "global_defs", report);
        var defaults = VrrpGlobalOptions.Default;
        return defaults with
        {
            McastGroup4 = Group(values, "vrrp_mcast_group4", AddressFamily.InterNetwork) ?? defaults.McastGroup4,
            McastGroup6 = Group(values, "vrrp_mcast_group6", AddressFamily.InterNetworkV6) ?? defaults.McastGroup6,
            Version = values.Int("vrrp_version", 2, 3) ?? defaults.Version,
            GarpMasterDelay = values.Int("vrrp_garp_master_delay", 0, 1000) ?? defaults.GarpMasterDelay,
            GarpMasterRepeat = values.Int("vrrp_garp_master_repeat", 1, 1000) ?? defaults.GarpMasterRepeat,
            GarpMasterRefresh = values.Int("vrrp_garp_master_refresh", 0, 1000000) ?? defaults.GarpMasterRefresh,
            GarpMasterRefreshRepeat = values.Int("vrrp_garp_master_refresh_repeat", 1, 1000) ?? defaults.GarpMasterRefreshRepeat,
            GarpInterval = values.Seconds("vrrp_garp_interval", 0, 1) ?? defaults.GarpInterval,
            GnaInterval = values.Seconds("vrrp_gna_interval", 0, 1) ?? defaults.GnaInterval,
            Strict = values.Flag("vrrp_strict"),
            Iptables = values.String("vrrp_iptables"),
            SkipCheckAdvAddr = values.Flag("vrrp_skip_check_adv_addr"),
            CheckUnicastSrc = values.Flag("vrrp_check_unicast_src"),
        };
    }

    private static IPAddress? Group(ConfigBlock values, string key, AddressFamily family)
    {
        if (values.String(key) is not { } text)
        {
            return null;
        }

        var ok = IPAddress.TryParse(text, out var address) && address.AddressFamily == family
            && (family == AddressFamily.InterNetwork ? (address.GetAddressBytes()[0] & 0xF0) == 0xE0 : address.IsIPv6Multicast)
            && (family == AddressFamily.InterNetworkV6 || VirtualAddress.TryParseAddress(text, out _));
        if (!ok)
        {
            var kind = family == AddressFamily.InterNetwork ? "IPv4" : "IPv6";
            values.Report.Error(values.Path(key), $"{key} '{text}' is not an {kind} multicast address in global_defs");
            return null;
        }

        return address;
    }
}
