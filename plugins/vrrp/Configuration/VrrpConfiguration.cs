using Vigil.Linux.Netlink.Route;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>Everything VRRP reads from a cluster configuration.</summary>
/// <param name="Global">The vrrp keys of global_defs.</param>
/// <param name="Instances">vrrp_instance blocks, in order.</param>
/// <param name="SyncGroups">vrrp_sync_group blocks.</param>
/// <param name="Scripts">vrrp_script blocks by name.</param>
/// <param name="TrackFiles">track_file blocks by name.</param>
/// <param name="TrackProcesses">track_process blocks by name.</param>
internal sealed record VrrpConfiguration(
    VrrpGlobalOptions Global,
    IReadOnlyList<VrrpInstanceOptions> Instances,
    IReadOnlyList<VrrpSyncGroupOptions> SyncGroups,
    IReadOnlyDictionary<string, VrrpScriptOptions> Scripts,
    IReadOnlyDictionary<string, TrackFileOptions> TrackFiles,
    IReadOnlyDictionary<string, TrackProcessOptions> TrackProcesses)
{
    /// <summary>static_rules, parsed: installed once at start whatever the VRRP state.</summary>
    public IReadOnlyList<RuleSpec> StaticRules { get; init; } = [];
}
