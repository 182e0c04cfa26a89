using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>
/// The one place VRRP configuration is parsed: the validator and the engine both call <see cref="Read"/>. Every problem
/// goes to the report; the returned model holds what could be read (with defaults in place of bad values), so the
/// engine must not run it when <see cref="ValidationReport.HasErrors"/>.
/// </summary>
internal static class VrrpConfigurationReader
{
    /// <summary>Parses the VRRP parts of <paramref name="configuration"/>.</summary>
    public static VrrpConfiguration Read(ClusterConfiguration configuration, ValidationReport report)
    {
        var global = VrrpGlobalReader.Read(configuration.Section("global_defs"), report);
        var scripts = Named(configuration.Section("vrrp_script"), "vrrp_script", report, b => VrrpTrackReader.Script(b, report));
        var files = Named(configuration.Section("track_file"), "track_file", report, b => VrrpTrackReader.File(b, "track_file", report));
        foreach (var (name, file) in Named(configuration.Section("vrrp_track_file"), "vrrp_track_file", report, b => VrrpTrackReader.File(b, "vrrp_track_file", report)))
        {
            files.TryAdd(name, file);
        }

        var processes = Named(configuration.Section("track_process"), "track_process", report, b => VrrpTrackReader.Process(b, report));
        var preferences = new RulePreferences();
        var staticRules = RuleReader.Read(configuration.Section("static_rules"), null, preferences, report);
        RouteLineChecker.Check(configuration.Section("static_routes"), null, report);
        var instances = new List<VrrpInstanceOptions>();
        foreach (var block in ConfigSections.Items(configuration.Section("vrrp_instance")))
        {
            var context = ConfigSections.Describe(block, "vrrp_instance");
            var instance = VrrpInstanceReader.Read(block, global, report) with
            {
                VirtualRules = RuleReader.Read(block.GetSection("virtual_rules"), context, preferences, report),
            };
            RouteLineChecker.Check(block.GetSection("virtual_routes"), context, report);
            if (instances.Any(i => i.Name == instance.Name))
            {
                report.Error(block.Path, $"duplicate vrrp_instance {instance.Name}");
                continue;
            }

            instances.Add(instance);
        }

        CheckVrids(instances, report);
        foreach (var instance in instances)
        {
            CheckTracking(instance, scripts, files, processes, report);
        }

        var groups = ReadSyncGroups(configuration.Section("vrrp_sync_group"), instances, report);
        IgnoredKeywords.Check(configuration, report);
        return new VrrpConfiguration(global, instances, groups, scripts, files, processes) { StaticRules = staticRules };
    }

    /// <summary>The router settings of <paramref name="instance"/> given its interface's primary address.</summary>
    public static VrrpRouterSettings ToRouterSettings(VrrpInstanceOptions instance, System.Net.IPAddress primaryAddress) => new(
        instance.Name,
        instance.Version == 3 ? VrrpVersion.V3 : VrrpVersion.V2,
        (byte)instance.VirtualRouterId,
        (byte)instance.Priority,
        (long)(instance.AdvertInt * 1000m),
        primaryAddress,
        instance.VirtualAddresses.Select(a => a.Address).ToList(),
        instance.InitialState == Abstractions.Events.VrrpState.Master,
        instance.Preempt,
        (long)(instance.PreemptDelay * 1000m),
        instance.HigherPrioritySendAdvert);

    private static Dictionary<string, T> Named<T>(IConfigurationSection section, string keyword, ValidationReport report, Func<IConfigurationSection, T?> read)
        where T : class
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var block in ConfigSections.Items(section))
        {
            var name = block["name"] ?? "";
            var item = read(block);
            if (item is not null && !result.TryAdd(name, item))
            {
                report.Error(block.Path, $"duplicate {keyword} {name}");
            }
        }

        return result;
    }

    private static void CheckVrids(List<VrrpInstanceOptions> instances, ValidationReport report)
    {
        // The same VRID may run once per interface and address family (IPv4 and IPv6 VRRP are separate protocols).
        var seen = new Dictionary<(string, int, bool), VrrpInstanceOptions>();
        foreach (var instance in instances.Where(i => i.VirtualRouterId > 0 && i.Interface.Length > 0))
        {
            if (!seen.TryAdd((instance.Interface, instance.VirtualRouterId, instance.IsIpv6), instance))
            {
                var first = seen[(instance.Interface, instance.VirtualRouterId, instance.IsIpv6)];
                report.Error(ConfigurationPath.Combine(instance.Path, "virtual_router_id"),
                    $"duplicate virtual_router_id {instance.VirtualRouterId} on interface {instance.Interface} (vrrp_instance {first.Name} and {instance.Name})");
            }
        }
    }

    private static void CheckTracking(
        VrrpInstanceOptions instance,
        Dictionary<string, VrrpScriptOptions> scripts,
        Dictionary<string, TrackFileOptions> files,
        Dictionary<string, TrackProcessOptions> processes,
        ValidationReport report)
    {
        Check(instance.TrackScripts, "track_script", "vrrp_script", scripts.ContainsKey);
        Check(instance.TrackFiles, "track_file", "track_file", files.ContainsKey);
        Check(instance.TrackProcesses, "track_process", "track_process", processes.ContainsKey);

        void Check(IReadOnlyList<TrackReference> references, string key, string definer, Func<string, bool> defined)
        {
            foreach (var reference in references.Where(r => !defined(r.Name)))
            {
                report.Error(ConfigurationPath.Combine(instance.Path, key),
                    $"{key} '{reference.Name}' in vrrp_instance {instance.Name} is not defined by any {definer}");
            }
        }
    }

    private static List<VrrpSyncGroupOptions> ReadSyncGroups(IConfigurationSection section, List<VrrpInstanceOptions> instances, ValidationReport report)
    {
        var groups = new List<VrrpSyncGroupOptions>();
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var block in ConfigSections.Items(section))
        {
            var name = block["name"] ?? "";
            var context = ConfigSections.Describe(block, "vrrp_sync_group");
            report.CheckKeywords(block, context, "vrrp_sync_group", VrrpKeywords.SyncGroup);
            var members = ConfigSections.Lines(block.GetSection("group"))
                .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
            if (members.Count == 0)
            {
                report.Error(block.Path, $"missing group in {context}");
            }
            else if (members.Count == 1)
            {
                report.Warning(block.Path, $"{context} has only 1 member");
            }

            foreach (var member in members)
            {
                if (instances.All(i => i.Name != member))
                {
                    report.Error(ConfigurationPath.Combine(block.Path, "group"), $"{context} member '{member}' is not defined by any vrrp_instance");
                }
                else if (!owner.TryAdd(member, name))
                {
                    report.Error(ConfigurationPath.Combine(block.Path, "group"), $"vrrp_instance {member} is in vrrp_sync_group {owner[member]} and {name}");
                }
            }

            groups.Add(new VrrpSyncGroupOptions(name, members));
        }

        return groups;
    }
}
