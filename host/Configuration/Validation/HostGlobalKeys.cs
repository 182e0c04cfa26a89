using System.Globalization;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Configuration.Validation;

/// <summary>
/// The <c>global_defs</c> keys (and bare top-level keywords) the host itself answers for, and their value checks.
/// They concern the keepalived process as a whole (identity, script security, scheduling), not one protocol.
/// </summary>
internal static class HostGlobalKeys
{
    private static readonly HashSet<string> Flags = new(StringComparer.OrdinalIgnoreCase)
    {
        "enable_script_security", "process_names", "use_pid_dir", "linkbeat_use_polling", "set_supplementary_groups",
        "namespace_with_ipsets", "reload_repeat",
    };

    private static readonly HashSet<string> NeedValue = new(StringComparer.OrdinalIgnoreCase)
    {
        "router_id", "instance", "net_namespace", "process_name", "vrrp_process_name", "checker_process_name",
        "bfd_process_name", "script_user", "startup_script", "shutdown_script", "tmp_config_directory", "config_save_dir",
        "reload_time_file", "umask",
    };

    private static readonly Dictionary<string, (long Min, long Max)> Ranges = new(StringComparer.OrdinalIgnoreCase)
    {
        ["max_auto_priority"] = (-1, 99),
        ["min_auto_priority_delay"] = (1, 10_000_000),
        ["startup_script_timeout"] = (1, 1000),
        ["shutdown_script_timeout"] = (1, 1000),
        ["child_wait_time"] = (0, int.MaxValue),
        ["random_seed"] = (0, uint.MaxValue),
        ["process_monitor_rcv_bufs"] = (0, int.MaxValue),
    };

    private static readonly HashSet<string> Other = new(StringComparer.OrdinalIgnoreCase)
    {
        "net_namespace_ipvs", "use_symlink_paths", "reload_check_config", "include_check", "reload_file",
        "data_use_instance", "process_monitor_rcv_bufs_force",
    };

    /// <summary>Keywords keepalived accepts outside any block (they configure the process before anything else).</summary>
    public static readonly IReadOnlySet<string> TopLevel = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "net_namespace", "net_namespace_ipvs", "namespace_with_ipsets", "instance", "use_pid_dir",
        "linkbeat_use_polling", "child_wait_time",
    };

    /// <summary>True for a key the host validates.</summary>
    public static bool Contains(string key) =>
        Flags.Contains(key) || NeedValue.Contains(key) || Ranges.ContainsKey(key) || Other.Contains(key);

    /// <summary>Checks one host-level key's value; <paramref name="context"/> names where it is (<c>global_defs</c>).</summary>
    public static void Check(IConfigurationSection entry, string context, ValidationReport report)
    {
        var key = entry.Key;
        var value = entry.Value;
        if (value is null)
        {
            report.Error(entry.Path, $"'{key}' in {context} must be a value, not a block");
        }
        else if (Flags.Contains(key) && value is not ("true" or "false"))
        {
            report.Error(entry.Path, $"'{key}' takes no value in {context}");
        }
        else if (NeedValue.Contains(key) && value == "true")
        {
            report.Error(entry.Path, $"'{key}' needs a value in {context}");
        }
        else if (key.Equals("script_user", StringComparison.OrdinalIgnoreCase) && value.Split(' ').Length > 2)
        {
            report.Error(entry.Path, $"script_user takes a user and an optional group in {context}");
        }
        else if (Ranges.TryGetValue(key, out var range) && !(key.Equals("max_auto_priority", StringComparison.OrdinalIgnoreCase) && value == "true"))
        {
            if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                report.Error(entry.Path, $"{key} '{value}' is not a whole number in {context}");
            }
            else if (number < range.Min || number > range.Max)
            {
                report.Error(entry.Path, $"{key} {value} out of range {range.Min}-{range.Max} in {context}");
            }
        }
    }
}
