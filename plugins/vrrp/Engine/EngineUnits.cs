using System.Text;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Vrrp.Configuration;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>Splits a configuration into runner units and fingerprints each with the configuration text it depends on.</summary>
internal static class EngineUnits
{
    /// <summary>One unit per sync group and one per instance outside any group.</summary>
    public static IReadOnlyList<EngineUnit> From(VrrpConfiguration vrrp, ClusterConfiguration cluster)
    {
        var units = new List<EngineUnit>();
        var grouped = new HashSet<string>(StringComparer.Ordinal);
        var groupSections = ConfigSections.Items(cluster.Section("vrrp_sync_group")).ToDictionary(s => s["name"] ?? "", StringComparer.Ordinal);
        foreach (var group in vrrp.SyncGroups)
        {
            var members = group.Members.Select(m => vrrp.Instances.FirstOrDefault(i => i.Name == m)).OfType<VrrpInstanceOptions>().ToList();
            grouped.UnionWith(members.Select(m => m.Name));
            var text = new StringBuilder(Flatten(groupSections.GetValueOrDefault(group.Name)));
            foreach (var member in members)
            {
                text.Append(Fingerprint(member, vrrp, cluster));
            }

            units.Add(new EngineUnit(group.Name, group.Name, members, text.ToString()));
        }

        foreach (var instance in vrrp.Instances.Where(i => !grouped.Contains(i.Name)))
        {
            units.Add(new EngineUnit(instance.Name, null, [instance], Fingerprint(instance, vrrp, cluster)));
        }

        return units;
    }

    private static string Fingerprint(VrrpInstanceOptions instance, VrrpConfiguration vrrp, ClusterConfiguration cluster)
    {
        var text = new StringBuilder(Flatten(cluster.Section(instance.Path)));
        text.Append(vrrp.Global);
        foreach (var r in instance.TrackScripts)
        {
            text.Append(vrrp.Scripts.GetValueOrDefault(r.Name));
        }

        foreach (var r in instance.TrackFiles)
        {
            text.Append(vrrp.TrackFiles.GetValueOrDefault(r.Name));
        }

        foreach (var r in instance.TrackProcesses)
        {
            text.Append(vrrp.TrackProcesses.GetValueOrDefault(r.Name));
        }

        return text.ToString();
    }

    private static string Flatten(IConfigurationSection? section) =>
        section is null
            ? ""
            : string.Join('\n', section.AsEnumerable(makePathsRelative: true).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
