using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>
/// keepalived keywords Vigil accepts, so existing files load, but does not act on. Each one present is a warning, so
/// nothing the operator wrote is dropped silently. Remove a keyword from here when the engine starts honouring it.
/// </summary>
internal static class IgnoredKeywords
{
    /// <summary>global_defs keys the vrrp module owns but does not use.</summary>
    public static readonly HashSet<string> Global =
        ["vrrp_garp_interval", "vrrp_gna_interval", "vrrp_strict", "vrrp_iptables", "vrrp_check_unicast_src"];

    /// <summary>vrrp_instance keywords without effect.</summary>
    public static readonly HashSet<string> Instance =
    [
        "virtual_ipaddress_excluded", "check_unicast_src", "debug", "no_accept", "strict_mode", "promote_secondaries",
        "track_bfd", "track_src_ip", "linkbeat_use_polling", "unicast_fault_no_peer", "unicast_ttl",
        "unicast_chksum_compat", "old_unicast_checksum", "use_ipvlan", "native_ipv6", "garp_lower_prio_delay",
        "garp_lower_prio_repeat", "garp_extra_if", "vmac_garp_intvl", "lower_prio_no_advert",
        "kernel_rx_buf_size", "down_timer_adverts", "no_track", "ttl", "notify_deleted", "notify_master_rx_lower_pri",
        "notify_priority_changes",
    ];

    /// <summary>vrrp_sync_group keywords without effect (a group follows its members' tracking only).</summary>
    public static readonly HashSet<string> SyncGroup =
        ["global_tracking", "sync_group_tracking_weight", "track_interface", "track_script", "track_file", "track_process", "track_bfd"];

    /// <summary>track_process keywords without effect.</summary>
    public static readonly HashSet<string> TrackProcess = ["delay", "terminate_delay", "fork_delay", "full_command"];

    /// <summary>Warns about every ignored keyword, and about keepalived's deprecated VRRP keywords.</summary>
    public static void Check(ClusterConfiguration configuration, ValidationReport report)
    {
        var globalDefs = configuration.Section("global_defs");
        Warn(globalDefs, "global_defs", Global, report);
        Blocks(configuration.Section("vrrp_instance"), "vrrp_instance", Instance, report);
        Blocks(configuration.Section("vrrp_sync_group"), "vrrp_sync_group", SyncGroup, report);
        Blocks(configuration.Section("track_process"), "track_process", TrackProcess, report);
        foreach (var block in ConfigSections.Items(configuration.Section("vrrp_track_file")))
        {
            report.Warning(block.Path, "'vrrp_track_file' is deprecated: use 'track_file' instead");
        }

        foreach (var block in ConfigSections.Items(configuration.Section("vrrp_instance")).Where(b => b["lvs_sync_daemon_interface"] is not null))
        {
            report.Warning(ConfigurationPath.Combine(block.Path, "lvs_sync_daemon_interface"),
                $"'lvs_sync_daemon_interface' in {ConfigSections.Describe(block, "vrrp_instance")} is deprecated: use lvs_sync_daemon in global_defs");
        }
    }

    private static void Blocks(IConfigurationSection section, string keyword, HashSet<string> ignored, ValidationReport report)
    {
        foreach (var block in ConfigSections.Items(section))
        {
            Warn(block, ConfigSections.Describe(block, keyword), ignored, report);
        }
    }

    private static void Warn(IConfigurationSection block, string context, HashSet<string> ignored, ValidationReport report)
    {
        foreach (var child in block.GetChildren().Where(c => ignored.Contains(c.Key)))
        {
            report.Warning(child.Path, $"'{child.Key}' in {context} is not supported by Vigil and is ignored");
        }
    }
}
