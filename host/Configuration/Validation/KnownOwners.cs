using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Configuration.Validation;

/// <summary>
/// Which module a well-known keepalived keyword belongs to, so a keyword of a module that is not enabled is a
/// warning that names the module rather than an "unknown keyword" error.
/// </summary>
internal static class KnownOwners
{
    private static readonly Dictionary<string, string> Sections = Table(
        ("vrrp", ["vrrp_instance", "vrrp_sync_group", "vrrp_script", "track_file", "vrrp_track_file", "track_process",
            "vrrp_track_process", "static_ipaddress", "static_routes", "static_rules", "static_track_group",
            "linkbeat_interfaces", "garp_group"]),
        ("ipvs", ["virtual_server", "virtual_server_group"]),
        ("bfd", ["bfd_instance"]));

    private static readonly (string Prefix, string Module)[] SectionPrefixes =
        [("dhcp", "pxe"), ("tftp", "pxe"), ("pxe", "pxe"), ("http_boot", "pxe")];

    private static readonly Dictionary<string, string> GlobalKeys = Table(
        ("notify", ["notification_email", "notification_email_from", "smtp_server", "smtp_helo_name",
            "smtp_connect_timeout", "smtp_alert", "smtp_alert_vrrp", "smtp_alert_checker", "no_email_faults",
            "notify_fifo", "notify_fifo_script", "vrrp_notify_fifo", "vrrp_notify_fifo_script", "lvs_notify_fifo",
            "lvs_notify_fifo_script"]),
        ("vrrp", ["vrrp_mcast_group4", "vrrp_mcast_group6", "default_interface", "vrrp_garp_master_repeat",
            "vrrp_garp_master_delay", "vrrp_garp_lower_prio_repeat", "vrrp_garp_lower_prio_delay",
            "vrrp_garp_master_refresh", "vrrp_garp_master_refresh_repeat", "vrrp_garp_interval", "vrrp_gna_interval",
            "vrrp_min_garp", "vrrp_garp_extra_if", "vrrp_down_timer_adverts", "vrrp_lower_prio_no_advert",
            "vrrp_higher_prio_send_advert", "vrrp_version", "v3_checksum_as_v2", "nftables", "nftables_priority",
            "nftables_counters", "nftables_ifindex", "vrrp_iptables", "vrrp_ipsets", "disable_local_igmp",
            "vrrp_check_unicast_src", "vrrp_skip_check_adv_addr", "vrrp_strict", "vrrp_notify_priority_changes",
            "vrrp_priority", "vrrp_no_swap", "vrrp_cpu_affinity", "vrrp_rt_priority", "vrrp_rlimit_rttime",
            "fifo_write_vrrp_states_on_reload", "dynamic_interfaces",
            "vrrp_netlink_cmd_rcv_bufs", "vrrp_netlink_cmd_rcv_bufs_force", "vrrp_netlink_monitor_rcv_bufs",
            "vrrp_netlink_monitor_rcv_bufs_force", "vrrp_rx_bufs_policy", "vrrp_rx_bufs_multiplier",
            "vrrp_startup_delay", "vrrp_delay_after_boot", "log_unknown_vrids", "vmac_prefix", "vmac_addr_prefix"]),
        ("ipvs", ["lvs_sync_daemon", "lvs_timeouts", "lvs_flush", "lvs_flush_on_stop", "lvs_netlink_cmd_rcv_bufs", "lvs_netlink_cmd_rcv_bufs_force",
            "lvs_netlink_monitor_rcv_bufs", "lvs_netlink_monitor_rcv_bufs_force", "nftables_ipvs",
            "nftables_ipvs_priority", "nftables_ipvs_start_fwmark"]),
        ("checkers", ["checker_log_all_failures", "checker_priority", "checker_no_swap", "checker_cpu_affinity",
            "checker_rt_priority", "checker_rlimit_rttime", "rs_init_notifies", "no_checker_emails"]),
        ("bfd", ["bfd_priority", "bfd_no_swap", "bfd_cpu_affinity", "bfd_rt_priority", "bfd_rlimit_rttime"]),
        ("snmp", ["snmp_socket", "enable_snmp_vrrp", "enable_snmp_checker", "enable_snmp_rfc", "enable_snmp_rfcv2",
            "enable_snmp_rfcv3", "enable_traps", "snmp_vs_stats_update_interval", "snmp_rs_stats_update_interval"]),
        ("dbus", ["enable_dbus", "dbus_service_name", "dbus_no_interface_name"]));

    private static readonly (string Prefix, string Module)[] GlobalKeyPrefixes =
    [
        ("vrrp_", "vrrp"), ("lvs_", "ipvs"), ("checker_", "checkers"), ("smtp_", "notify"),
        ("notification_email", "notify"), ("bfd_", "bfd"), ("snmp_", "snmp"), ("enable_snmp_", "snmp"), ("dbus_", "dbus"),
    ];

    /// <summary>
    /// Keywords inside blocks of one module that belong to another (what the notify module claims when enabled), so they
    /// are warnings naming that module when it is not.
    /// </summary>
    private static readonly (string Module, KeywordClaim Claim)[] Nested =
    [
        ("notify", new KeywordClaim("vrrp_instance", ["notify", "notify_master", "notify_backup", "notify_fault", "notify_stop", "smtp_alert"])),
        ("notify", new KeywordClaim("vrrp_sync_group", ["notify", "notify_master", "notify_backup", "notify_fault", "notify_stop", "smtp_alert"])),
        ("notify", new KeywordClaim("virtual_server", ["quorum_up", "quorum_down", "smtp_alert"])),
        ("notify", new KeywordClaim("virtual_server/real_server", ["notify_up", "notify_down", "smtp_alert"])),
        ("checkers", new KeywordClaim("virtual_server/real_server", ["HTTP_GET", "SSL_GET", "TCP_CHECK", "MISC_CHECK", "DNS_CHECK",
            "UDP_CHECK", "PING_CHECK", "FILE_CHECK", "BFD_CHECK"])),
    ];

    /// <summary>The well-known nested keyword claims of modules not in <paramref name="enabled"/>.</summary>
    public static IEnumerable<(string Module, KeywordClaim Claim)> NestedClaimsOutside(IReadOnlySet<string> enabled) =>
        Nested.Where(n => !enabled.Contains(n.Module));

    /// <summary>The well-known nested keyword claims of <paramref name="module"/>.</summary>
    public static IReadOnlyCollection<KeywordClaim> NestedKeywordsOf(string module) =>
        Nested.Where(n => n.Module == module).Select(n => n.Claim).ToList();

    /// <summary>The module a top-level section belongs to, or null when keepalived has no such section.</summary>
    public static string? SectionOwner(string section) =>
        Sections.GetValueOrDefault(section)
        ?? SectionPrefixes.FirstOrDefault(p => section.StartsWith(p.Prefix, StringComparison.OrdinalIgnoreCase)).Module;

    /// <summary>The module a <c>global_defs</c> key belongs to, or null when keepalived has no such key.</summary>
    public static string? GlobalKeyOwner(string key) =>
        GlobalKeys.GetValueOrDefault(key)
        ?? GlobalKeyPrefixes.FirstOrDefault(p => key.StartsWith(p.Prefix, StringComparison.OrdinalIgnoreCase)).Module;

    /// <summary>The well-known sections of <paramref name="module"/> (what a module of that name should claim).</summary>
    public static IReadOnlyCollection<string> SectionsOf(string module) =>
        Sections.Where(p => p.Value == module).Select(p => p.Key).ToList();

    /// <summary>The well-known <c>global_defs</c> keys of <paramref name="module"/>.</summary>
    public static IReadOnlyCollection<string> GlobalKeysOf(string module) =>
        GlobalKeys.Where(p => p.Value == module).Select(p => p.Key).ToList();

    private static Dictionary<string, string> Table(params (string Module, string[] Keys)[] modules) =>
        modules.SelectMany(m => m.Keys.Select(k => (k, m.Module)))
            .ToDictionary(p => p.k, p => p.Module, StringComparer.OrdinalIgnoreCase);
}
