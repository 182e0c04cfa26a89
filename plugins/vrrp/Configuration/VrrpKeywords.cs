namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>The keywords keepalived 2.x accepts in each VRRP block; anything else is an unknown-keyword error.</summary>
internal static class VrrpKeywords
{
    /// <summary>
    /// vrrp_instance keywords. notify, notify_master/backup/fault/stop and smtp_alert are the notify module's (it claims
    /// them); the notify variants keepalived has and Vigil does not act on are listed here and warned about.
    /// </summary>
    public static readonly HashSet<string> Instance =
    [
        "notify_deleted", "notify_master_rx_lower_pri", "notify_priority_changes",
        "state", "interface", "virtual_router_id", "priority", "advert_int", "version", "authentication",
        "virtual_ipaddress", "virtual_ipaddress_excluded", "virtual_routes", "virtual_rules", "promote_secondaries",
        "track_interface", "track_script", "track_file", "track_process", "track_bfd", "track_src_ip", "track_virtual_server",
        "dont_track_primary", "linkbeat_use_polling", "mcast_src_ip", "unicast_src_ip", "unicast_peer",
        "unicast_fault_no_peer", "unicast_ttl", "unicast_chksum_compat", "old_unicast_checksum", "check_unicast_src",
        "use_vmac", "vmac_xmit_base", "use_ipvlan", "native_ipv6", "accept", "no_accept", "skip_check_adv_addr",
        "strict_mode", "preempt", "nopreempt", "preempt_delay", "debug", "lvs_sync_daemon_interface",
        "garp_master_delay", "garp_master_repeat", "garp_master_refresh", "garp_master_refresh_repeat",
        "garp_lower_prio_delay", "garp_lower_prio_repeat", "garp_extra_if", "vmac_garp_intvl",
        "lower_prio_no_advert", "higher_prio_send_advert", "kernel_rx_buf_size", "down_timer_adverts",
        "no_track", "ttl",
    ];

    /// <summary>authentication block keywords.</summary>
    public static readonly HashSet<string> Authentication = ["auth_type", "auth_pass"];

    /// <summary>vrrp_script keywords.</summary>
    public static readonly HashSet<string> Script = ["script", "interval", "timeout", "weight", "rise", "fall", "user", "init_fail"];


    /// <summary>track_process keywords.</summary>
    public static readonly HashSet<string> TrackProcess =
        ["process", "param_match", "weight", "quorum", "quorum_max", "delay", "terminate_delay", "fork_delay", "full_command"];

    /// <summary>vrrp_sync_group keywords (its notify keywords and smtp_alert are the notify module's).</summary>
    public static readonly HashSet<string> SyncGroup =
    [
        "group", "global_tracking", "sync_group_tracking_weight", "track_interface", "track_script", "track_file",
        "track_process", "track_bfd",
    ];
}
