using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.TestPlugins.LvsConfig;

/// <summary>Validates virtual_server, real_server and virtual_server_group, handing checker blocks to the registered checkers.</summary>
public sealed class LvsConfigValidator(IEnumerable<IHealthChecker> checkers) : IConfigValidator
{
    private static readonly string[] VirtualServerKeywords =
        ["delay_loop", "lb_algo", "lb_kind", "protocol", "persistence_timeout", "sorry_server", "quorum", "hysteresis", "alpha", "omega", "real_server", "virtualhost", .. CheckerKeywords.Inheritable];

    private static readonly string[] RealServerKeywords = ["weight", "inhibit_on_failure", "virtualhost", .. CheckerKeywords.Inheritable];

    private readonly Dictionary<string, IHealthChecker> _checkers = checkers.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    public void Validate(ClusterConfiguration configuration, ValidationReport report)
    {
        foreach (var vs in ConfigSections.Items(configuration.Section("virtual_server")))
        {
            ValidateVirtualServer(vs, report);
        }

        foreach (var group in ConfigSections.Items(configuration.Section("virtual_server_group")))
        {
            foreach (var member in ConfigSections.Items(group.GetSection("members")))
            {
                if (!VirtualServerGroupMember.TryParse(member.Value, out _, out var error))
                {
                    report.Error(member.Path, $"{error} in {ConfigSections.Describe(group, "virtual_server_group")}");
                }
            }
        }
    }

    private void ValidateVirtualServer(IConfigurationSection vs, ValidationReport report)
    {
        var context = ConfigSections.Describe(vs, "virtual_server");
        report.CheckKeywords(vs, context, "virtual_server", new HashSet<string>(VirtualServerKeywords, StringComparer.OrdinalIgnoreCase));
        TransportProtocols.TryParse(vs["protocol"] ?? "TCP", out var protocol);
        if (!VirtualServerKey.TryParse(vs["name"], protocol, out var vsKey, out var vsError))
        {
            report.Error(vs.Path, $"{vsError} in {context}");
            return;
        }

        var known = new HashSet<string>(RealServerKeywords.Concat(_checkers.Keys), StringComparer.OrdinalIgnoreCase);
        foreach (var rs in ConfigSections.Items(vs.GetSection("real_server")))
        {
            var rsContext = ConfigSections.Describe(rs, "real_server");
            report.CheckKeywords(rs, rsContext, "virtual_server/real_server", known);
            if (!RealServerKey.TryParse(rs["name"], vsKey.Port, out var rsKey, out var rsError))
            {
                report.Error(rs.Path, $"{rsError} in {rsContext}");
                continue;
            }

            var weight = new ConfigBlock(rs, rsContext, report).Int("weight", 0, 65535) ?? 1;
            var checkContext = new CheckContext(vsKey, rsKey, protocol, weight, rs["virtualhost"] ?? vs["virtualhost"]);
            foreach (var child in rs.GetChildren())
            {
                if (_checkers.TryGetValue(child.Key, out var checker))
                {
                    foreach (var block in ConfigSections.Blocks(child))
                    {
                        CheckerBlockReader.Read(checker, block, rs, vs, checkContext, report);
                    }
                }
            }
        }
    }
}
