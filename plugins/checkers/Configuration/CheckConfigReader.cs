using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Checkers.Configuration;

/// <summary>
/// Finds every checker block under <c>virtual_server</c>/<c>real_server</c> and resolves it with
/// <see cref="CheckerBlockReader"/>, identifying the servers exactly as the <c>virtual_server</c> owner does, so the
/// health written here lands on the keys it reads. Pure.
/// </summary>
internal static class CheckConfigReader
{
    /// <summary>
    /// The checks of a validated configuration, in file order. Blocks that do not resolve (which validation has already
    /// refused) are left out.
    /// </summary>
    public static IReadOnlyList<CheckDefinition> Read(ClusterConfiguration configuration, IEnumerable<IHealthChecker> checkers)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var byName = new Dictionary<string, IHealthChecker>(StringComparer.OrdinalIgnoreCase);
        foreach (var checker in checkers)
        {
            byName.TryAdd(checker.Name, checker);
        }

        var report = new ValidationReport(configuration.Locator);
        var definitions = new List<CheckDefinition>();
        foreach (var vs in ConfigSections.Items(configuration.Section("virtual_server")))
        {
            if (VirtualServer(vs) is not { } server)
            {
                continue;
            }

            var (key, protocol) = server;

            foreach (var rs in ConfigSections.Items(vs.GetSection("real_server")))
            {
                if (!RealServerKey.TryParse(rs["name"], key.Port, out var rsKey, out _))
                {
                    continue;
                }

                var weight = new ConfigBlock(rs, "real_server", report).Int("weight", 0, 65535) ?? 1;
                var context = new CheckContext(key, rsKey, protocol, weight, rs["virtualhost"] ?? vs["virtualhost"]);
                var seen = new Dictionary<(string, string, CheckSettings), int>();
                foreach (var child in rs.GetChildren())
                {
                    if (!byName.TryGetValue(child.Key, out var checker))
                    {
                        continue;
                    }

                    foreach (var block in ConfigSections.Blocks(child))
                    {
                        if (CheckerBlockReader.Read(checker, block, rs, vs, context, report) is not { } settings)
                        {
                            continue;
                        }

                        var text = BlockFingerprint.Of(block);
                        var comparable = settings with { Context = settings.Context with { Weight = 0 } };
                        var ordinal = seen.GetValueOrDefault((checker.Name, text, comparable));
                        seen[(checker.Name, text, comparable)] = ordinal + 1;
                        definitions.Add(new CheckDefinition(new CheckIdentity(key, rsKey, checker.Name, text, comparable, ordinal), checker, block, settings));
                    }
                }
            }
        }

        return definitions;
    }

    /// <summary>The virtual servers that say <c>omega</c>.</summary>
    public static IReadOnlySet<VirtualServerKey> OmegaServers(ClusterConfiguration configuration)
    {
        var report = new ValidationReport(configuration.Locator);
        var omega = new HashSet<VirtualServerKey>();
        foreach (var vs in ConfigSections.Items(configuration.Section("virtual_server")))
        {
            if (VirtualServer(vs) is { } server && new ConfigBlock(vs, "virtual_server", report).Flag("omega"))
            {
                omega.Add(server.Key);
            }
        }

        return omega;
    }

    // As the virtual_server owner keys them: protocol TCP unless written, a fwmark service's family from ip_family.
    private static (VirtualServerKey Key, TransportProtocol Protocol)? VirtualServer(IConfigurationSection vs)
    {
        var protocol = TransportProtocol.Tcp;
        if (vs["protocol"] is { } text && !TransportProtocols.TryParse(text, out protocol))
        {
            return null;
        }

        if (!VirtualServerKey.TryParse(vs["name"], protocol, out var key, out _))
        {
            return null;
        }

        if (key.Kind == VirtualServerKind.Fwmark && string.Equals(vs["ip_family"]?.Trim(), "inet6", StringComparison.OrdinalIgnoreCase))
        {
            key = VirtualServerKey.ForFwmark(key.Fwmark, AddressFamily.InterNetworkV6);
        }

        return (key, protocol);
    }
}
