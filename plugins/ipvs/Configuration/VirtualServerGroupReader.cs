using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.Configuration;

/// <summary>Reads the <c>virtual_server_group</c> blocks: each name with its member lines.</summary>
internal static class VirtualServerGroupReader
{
    /// <summary>The most services one group may expand to; a typo in a range (<c>10.0.0.1-10.0.255.255</c>) must not allocate millions.</summary>
    public const int MaxEndpoints = 4096;

    /// <summary>Every well-formed group by name (case-sensitive, as keepalived's); bad members and repeated names are reported.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<VirtualServerGroupMember>> Read(ClusterConfiguration configuration, ValidationReport report)
    {
        var groups = new Dictionary<string, IReadOnlyList<VirtualServerGroupMember>>(StringComparer.Ordinal);
        foreach (var group in ConfigSections.Items(configuration.Section("virtual_server_group")))
        {
            var context = ConfigSections.Describe(group, "virtual_server_group");
            var name = group["name"]?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                report.Error(group.Path, "virtual_server_group needs a name");
                continue;
            }

            report.CheckKeywords(group, context, new HashSet<string>(["members"], StringComparer.OrdinalIgnoreCase));
            var members = new List<VirtualServerGroupMember>();
            foreach (var line in ConfigSections.Items(group.GetSection("members")))
            {
                if (VirtualServerGroupMember.TryParse(line.Value, out var member, out var error))
                {
                    members.Add(member);
                }
                else
                {
                    report.Error(line.Path, $"{error} in {context}");
                }
            }

            if (!groups.TryAdd(name, members))
            {
                report.Error(group.Path, $"{context} is declared twice");
            }
        }

        return groups;
    }

    /// <summary>The services the members stand for under <paramref name="protocol"/>, in order, without repeats; null when more than <see cref="MaxEndpoints"/>.</summary>
    public static IReadOnlyList<VirtualServerKey>? Expand(IReadOnlyList<VirtualServerGroupMember> members, TransportProtocol protocol)
    {
        var keys = new List<VirtualServerKey>();
        var seen = new HashSet<VirtualServerKey>();
        foreach (var key in members.SelectMany(m => m.Keys(protocol)))
        {
            if (seen.Add(key))
            {
                keys.Add(key);
            }

            if (keys.Count > MaxEndpoints)
            {
                return null;
            }
        }

        return keys;
    }
}
