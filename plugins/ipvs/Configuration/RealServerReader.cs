using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.Configuration;

/// <summary>
/// Reads the <c>real_server</c> blocks of one <c>virtual_server</c>, validating their checker blocks with whichever
/// plugin registered each checker (<see cref="CheckerBlockReader"/>), so the checkers module and this one agree on them.
/// </summary>
internal sealed class RealServerReader(IReadOnlyDictionary<string, IHealthChecker> checkers, ClusterConfiguration configuration, ValidationReport report)
{
    private readonly HashSet<string> _known = new(VirtualServerKeywords.RealServer.Concat(checkers.Keys), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The real servers of <paramref name="virtualServer"/>, those with errors left out (reported). Missing ports take
    /// the virtual server's; an unset weight is 1; <c>inhibit_on_failure</c> and the forwarding method default to the
    /// virtual server's.
    /// </summary>
    public IReadOnlyList<RealServerDefinition> Read(
        IConfigurationSection virtualServer,
        VirtualServerKey key,
        TransportProtocol protocol,
        ForwardingMethod method,
        bool inhibitOnFailure)
    {
        var servers = new List<RealServerDefinition>();
        foreach (var rs in ConfigSections.Items(virtualServer.GetSection("real_server")))
        {
            var context = $"{ConfigSections.Describe(rs, "real_server")} of {ConfigSections.Describe(virtualServer, "virtual_server")}";
            report.CheckKeywords(rs, context, "virtual_server/real_server", _known);
            var errorsBefore = Errors();
            if (!RealServerKey.TryParse(rs["name"], key.Port, out var rsKey, out var rsError))
            {
                report.Error(rs.Path, $"{rsError} in {context}");
                continue;
            }

            var block = new ConfigBlock(rs, context, report);
            var weight = block.Int("weight", 0, 65535) ?? 1;
            var rsMethod = ReadMethod(block, method);
            var checkContext = new CheckContext(key, rsKey, protocol, weight, rs["virtualhost"] ?? virtualServer["virtualhost"]);
            var checkerCount = 0;
            foreach (var child in rs.GetChildren())
            {
                if (!checkers.TryGetValue(child.Key, out var checker))
                {
                    continue;
                }

                foreach (var checkerBlock in ConfigSections.Blocks(child))
                {
                    CheckerBlockReader.Read(checker, checkerBlock, rs, virtualServer, checkContext, report);
                    checkerCount++;
                }
            }

            var inhibit = block.OptionalFlag("inhibit_on_failure") ?? inhibitOnFailure;
            if (Errors() == errorsBefore)
            {
                servers.Add(new RealServerDefinition(rsKey, weight, inhibit, rsMethod, checkerCount, configuration.Locate(rs.Path)));
            }
        }

        return servers;
    }

    /// <summary>A block's forwarding method (<c>lvs_method</c>, or keepalived's older <c>lb_kind</c>), else <paramref name="inherited"/>.</summary>
    public static ForwardingMethod ReadMethod(ConfigBlock block, ForwardingMethod inherited, string preferred = "lvs_method", string older = "lb_kind")
    {
        var keyword = block.Has(preferred) ? preferred : block.Has(older) ? older : null;
        if (keyword is null)
        {
            return inherited;
        }

        if (VirtualServerKeywords.TryMethod(block.String(keyword) ?? "", out var method))
        {
            return method;
        }

        block.Error(keyword, $"invalid {keyword} '{block.String(keyword)}' in {block.Context} (expected NAT, DR or TUN)");
        return inherited;
    }

    private int Errors() => report.Issues.Count(i => i.Severity == ConfigSeverity.Error);
}
