using System.Net;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>The VRRP keys of <c>global_defs</c> (router_id belongs to the host).</summary>
/// <param name="McastGroup4">vrrp_mcast_group4. Defaults to 224.0.0.18.</param>
/// <param name="McastGroup6">vrrp_mcast_group6. Defaults to ff02::12.</param>
/// <param name="Version">vrrp_version. Defaults to 2.</param>
/// <param name="GarpMasterDelay">vrrp_garp_master_delay, seconds. Defaults to 5.</param>
/// <param name="GarpMasterRepeat">vrrp_garp_master_repeat. Defaults to 5.</param>
/// <param name="GarpMasterRefresh">vrrp_garp_master_refresh, seconds, 0 = off. Defaults to 0.</param>
/// <param name="GarpMasterRefreshRepeat">vrrp_garp_master_refresh_repeat. Defaults to 1.</param>
/// <param name="GarpInterval">vrrp_garp_interval, seconds between gratuitous ARPs. Defaults to 0.</param>
/// <param name="GnaInterval">vrrp_gna_interval, seconds between unsolicited NAs. Defaults to 0.</param>
/// <param name="Strict">vrrp_strict.</param>
/// <param name="Iptables">vrrp_iptables chain names as written, or null.</param>
/// <param name="SkipCheckAdvAddr">vrrp_skip_check_adv_addr.</param>
/// <param name="CheckUnicastSrc">vrrp_check_unicast_src.</param>
internal sealed record VrrpGlobalOptions(
    IPAddress McastGroup4,
    IPAddress McastGroup6,
    int Version = 2,
    int GarpMasterDelay = 5,
    int GarpMasterRepeat = 5,
    int GarpMasterRefresh = 0,
    int GarpMasterRefreshRepeat = 1,
    decimal GarpInterval = 0,
    decimal GnaInterval = 0,
    bool Strict = false,
    string? Iptables = null,
    bool SkipCheckAdvAddr = false,
    bool CheckUnicastSrc = false)
{
    /// <summary>The defaults when global_defs says nothing.</summary>
    public static VrrpGlobalOptions Default { get; } = new(IPAddress.Parse("224.0.0.18"), IPAddress.Parse("ff02::12"));
}
