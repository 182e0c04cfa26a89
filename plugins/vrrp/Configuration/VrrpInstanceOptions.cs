using System.Net;
using Vigil.Abstractions.Events;
using Vigil.Linux.Netlink.Route;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>One <c>vrrp_instance</c>, parsed. Values the instance does not set take the global or keepalived default.</summary>
internal sealed record VrrpInstanceOptions
{
    /// <summary>The instance name.</summary>
    public required string Name { get; init; }

    /// <summary>The configuration path (<c>vrrp_instance:0</c>), for reporting.</summary>
    public required string Path { get; init; }

    /// <summary>state: Master or Backup. Defaults to Backup.</summary>
    public VrrpState InitialState { get; init; } = VrrpState.Backup;

    /// <summary>interface.</summary>
    public string Interface { get; init; } = "";

    /// <summary>virtual_router_id 1-255.</summary>
    public int VirtualRouterId { get; init; }

    /// <summary>priority 1-255. Defaults to 100.</summary>
    public int Priority { get; init; } = 100;

    /// <summary>advert_int in seconds. Defaults to 1.</summary>
    public decimal AdvertInt { get; init; } = 1;

    /// <summary>version (2 or 3). Defaults to global vrrp_version.</summary>
    public int Version { get; init; } = 2;

    /// <summary>authentication, or null.</summary>
    public VrrpAuthentication? Authentication { get; init; }

    /// <summary>virtual_ipaddress.</summary>
    public IReadOnlyList<VirtualAddress> VirtualAddresses { get; init; } = [];

    /// <summary>virtual_ipaddress_excluded.</summary>
    public IReadOnlyList<VirtualAddress> ExcludedAddresses { get; init; } = [];

    /// <summary>virtual_routes lines, verbatim.</summary>
    public IReadOnlyList<string> VirtualRoutes { get; init; } = [];

    /// <summary>virtual_rules, parsed; every rule has a preference (keepalived's default when the line gives none).</summary>
    public IReadOnlyList<RuleSpec> VirtualRules { get; init; } = [];

    /// <summary>track_interface.</summary>
    public IReadOnlyList<TrackReference> TrackInterfaces { get; init; } = [];

    /// <summary>track_script.</summary>
    public IReadOnlyList<TrackReference> TrackScripts { get; init; } = [];

    /// <summary>track_file.</summary>
    public IReadOnlyList<TrackReference> TrackFiles { get; init; } = [];

    /// <summary>track_process.</summary>
    public IReadOnlyList<TrackReference> TrackProcesses { get; init; } = [];

    /// <summary>track_virtual_server: virtual servers by canonical key (<c>10.0.0.1:80/tcp</c>) whose quorum the instance needs.</summary>
    public IReadOnlyList<TrackReference> TrackVirtualServers { get; init; } = [];

    /// <summary>False with nopreempt.</summary>
    public bool Preempt { get; init; } = true;

    /// <summary><c>higher_prio_send_advert [true|false]</c>; Vigil defaults to true (see <see cref="Protocol.VrrpRouterSettings"/>).</summary>
    public bool HigherPrioritySendAdvert { get; init; } = true;

    /// <summary>preempt_delay in seconds (0-1000). Defaults to 0.</summary>
    public decimal PreemptDelay { get; init; }

    /// <summary>garp_master_delay (seconds), or null for the global value.</summary>
    public int? GarpMasterDelay { get; init; }

    /// <summary>garp_master_repeat, or null for the global value.</summary>
    public int? GarpMasterRepeat { get; init; }

    /// <summary>garp_master_refresh (seconds), or null for the global value.</summary>
    public int? GarpMasterRefresh { get; init; }

    /// <summary>garp_master_refresh_repeat, or null for the global value.</summary>
    public int? GarpMasterRefreshRepeat { get; init; }

    /// <summary>use_vmac: true when present; <see cref="VmacName"/> holds the optional name.</summary>
    public bool UseVmac { get; init; }

    /// <summary>use_vmac's interface name, or null for keepalived's vrrp.VRID.</summary>
    public string? VmacName { get; init; }

    /// <summary>vmac_xmit_base.</summary>
    public bool VmacXmitBase { get; init; }

    /// <summary>unicast_src_ip.</summary>
    public IPAddress? UnicastSourceIp { get; init; }

    /// <summary>unicast_peer addresses.</summary>
    public IReadOnlyList<IPAddress> UnicastPeers { get; init; } = [];

    /// <summary>mcast_src_ip.</summary>
    public IPAddress? McastSourceIp { get; init; }

    /// <summary>dont_track_primary.</summary>
    public bool DontTrackPrimary { get; init; }

    /// <summary>accept (true) / no_accept (false); null when unset (keepalived: accept unless vrrp_strict).</summary>
    public bool? Accept { get; init; }

    /// <summary>skip_check_adv_addr.</summary>
    public bool SkipCheckAdvAddr { get; init; }

    /// <summary>check_unicast_src.</summary>
    public bool CheckUnicastSrc { get; init; }

    /// <summary>debug level, or null.</summary>
    public int? Debug { get; init; }

    /// <summary>True when the virtual addresses are IPv6 (the instance's address family).</summary>
    public bool IsIpv6 => VirtualAddresses.Count > 0 && VirtualAddresses[0].IsIpv6;
}
