using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.Configuration;

/// <summary>
/// Turns keepalived's <c>virtual_server</c>, <c>virtual_server_group</c> and <c>global_defs data_plane</c> into a
/// <see cref="VirtualServerTable"/>, reporting every problem with its file and line. Pure: it reads the tree and nothing else.
/// </summary>
public static class VirtualServerConfigReader
{
    /// <summary>
    /// Reads the table. Virtual servers with errors are left out of it and reported; the caller refuses a configuration
    /// whose report has errors, so nothing is ever half applied.
    /// </summary>
    /// <param name="configuration">The cluster configuration.</param>
    /// <param name="report">Where problems go.</param>
    /// <param name="checkers">The checkers registered by every enabled plugin, validating their own blocks.</param>
    public static VirtualServerTable Read(ClusterConfiguration configuration, ValidationReport report, IEnumerable<IHealthChecker> checkers)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(checkers);
        var byName = new Dictionary<string, IHealthChecker>(StringComparer.OrdinalIgnoreCase);
        foreach (var checker in checkers)
        {
            byName.TryAdd(checker.Name, checker);
        }

        var groups = VirtualServerGroupReader.Read(configuration, report);
        var realServers = new RealServerReader(byName, configuration, report);
        var services = new List<VirtualServerDefinition>();
        foreach (var vs in ConfigSections.Items(configuration.Section("virtual_server")))
        {
            // Unknown keywords do not leave a service out: validation, which knows every module's claims, refuses them first.
            report.CheckKeywords(vs, ConfigSections.Describe(vs, "virtual_server"), "virtual_server", VirtualServerKeywords.VirtualServer);
            var errorsBefore = Errors(report);
            var definition = ReadOne(vs, groups, realServers, configuration, report);
            if (definition is not null)
            {
                VirtualServerRules.CheckService(definition, configuration.Locator, vs, report);
            }

            if (definition is not null && Errors(report) == errorsBefore)
            {
                services.Add(definition);
            }
        }

        VirtualServerRules.CheckOverlaps(services, report);
        return new VirtualServerTable(services, ReadDataPlane(configuration, report));
    }

    private static VirtualServerDefinition? ReadOne(
        IConfigurationSection vs,
        IReadOnlyDictionary<string, IReadOnlyList<VirtualServerGroupMember>> groups,
        RealServerReader realServers,
        ClusterConfiguration configuration,
        ValidationReport report)
    {
        var context = ConfigSections.Describe(vs, "virtual_server");
        var block = new ConfigBlock(vs, context, report);
        var protocol = TransportProtocol.Tcp;
        if (vs["protocol"] is { } protocolText && !TransportProtocols.TryParse(protocolText, out protocol))
        {
            block.Error("protocol", $"invalid protocol '{protocolText}' in {context} (expected TCP, UDP or SCTP)");
        }

        if (!VirtualServerKey.TryParse(vs["name"], protocol, out var key, out var keyError))
        {
            report.Error(vs.Path, $"{keyError} in {context}");
            return null;
        }

        var family = ReadFamily(block, key);
        if (key.Kind == VirtualServerKind.Fwmark && family != key.Family)
        {
            key = VirtualServerKey.ForFwmark(key.Fwmark, family);
        }

        var endpoints = ReadEndpoints(vs, key, protocol, groups, report, context);
        if (endpoints is null)
        {
            return null;
        }

        var method = RealServerReader.ReadMethod(block, ForwardingMethod.Nat);
        var inhibit = block.Flag("inhibit_on_failure");
        var ops = block.Flag("ops");
        if (ops && protocol != TransportProtocol.Udp)
        {
            block.Warning("ops", $"'ops' in {context} applies to UDP services only; ignored");
            ops = false;
        }

        if (block.Has("persistence_engine"))
        {
            block.Warning("persistence_engine", $"'persistence_engine' in {context} is not supported (no data plane has the sip engine); persistence uses the client address");
        }

        return new VirtualServerDefinition
        {
            Key = key,
            Endpoints = endpoints,
            Protocol = protocol,
            DelayLoop = block.Timer("delay_loop", 0.001m, 86400m) ?? TimeSpan.FromSeconds(60),
            Algorithm = ReadAlgorithm(block),
            Hashing = new HashOptions(
                block.Flag("sh-port") || block.Flag("mh-port") || block.Flag("flag-2"),
                block.Flag("sh-fallback") || block.Flag("mh-fallback") || block.Flag("flag-1")),
            Method = method,
            Persistence = ReadPersistence(block),
            PersistenceGranularity = ReadGranularity(block, key),
            OnePacketScheduling = ops,
            SorryServer = ReadSorryServer(block, key),
            SorryServerInhibit = block.Flag("sorry_server_inhibit"),
            Quorum = block.Int("quorum", 1, int.MaxValue) ?? 1,
            Hysteresis = block.Int("hysteresis", 0, int.MaxValue) ?? 0,
            Alpha = block.Flag("alpha"),
            Omega = block.Flag("omega"),
            HaSuspend = block.Flag("ha_suspend"),
            Virtualhost = vs["virtualhost"],
            RealServers = realServers.Read(vs, key, protocol, method, inhibit),
            Location = configuration.Locate(vs.Path),
        };
    }

    private static IReadOnlyList<VirtualServerKey>? ReadEndpoints(
        IConfigurationSection vs,
        VirtualServerKey key,
        TransportProtocol protocol,
        IReadOnlyDictionary<string, IReadOnlyList<VirtualServerGroupMember>> groups,
        ValidationReport report,
        string context)
    {
        if (key.Kind != VirtualServerKind.Group)
        {
            return [key];
        }

        if (!groups.TryGetValue(key.Group!, out var members))
        {
            report.Error(vs.Path, $"{context} names virtual_server_group '{key.Group}', which is not declared");
            return null;
        }

        if (members.Count == 0)
        {
            report.Error(vs.Path, $"{context}: virtual_server_group '{key.Group}' has no members");
            return null;
        }

        var endpoints = VirtualServerGroupReader.Expand(members, protocol);
        if (endpoints is null)
        {
            report.Error(vs.Path, $"{context}: virtual_server_group '{key.Group}' stands for more than {VirtualServerGroupReader.MaxEndpoints} services");
        }

        return endpoints;
    }

    private static AddressFamily ReadFamily(ConfigBlock block, VirtualServerKey key)
    {
        switch (block.String("ip_family")?.Trim().ToLowerInvariant())
        {
            case null:
                return key.Family;
            case "inet":
                return AddressFamily.InterNetwork;
            case "inet6":
                return AddressFamily.InterNetworkV6;
            default:
                block.Error("ip_family", $"invalid ip_family '{block.String("ip_family")}' in {block.Context} (expected inet or inet6)");
                return key.Family;
        }
    }

    private static SchedulerAlgorithm ReadAlgorithm(ConfigBlock block)
    {
        var keyword = block.Has("lvs_sched") ? "lvs_sched" : block.Has("lb_algo") ? "lb_algo" : null;
        if (keyword is null)
        {
            return SchedulerAlgorithm.WeightedLeastConnection;
        }

        if (VirtualServerKeywords.TryAlgorithm(block.String(keyword) ?? "", out var algorithm))
        {
            return algorithm;
        }

        block.Error(keyword, $"invalid {keyword} '{block.String(keyword)}' in {block.Context} (expected rr, wrr, lc, wlc, lblc, lblcr, sh, dh, sed, nq, mh, fo or ovf)");
        return SchedulerAlgorithm.WeightedLeastConnection;
    }

    private static TimeSpan? ReadPersistence(ConfigBlock block)
    {
        if (block.String("persistence_timeout") is not { } text)
        {
            return null;
        }

        // A bare keyword reaches the tree as a flag.
        if (text.Trim().Length == 0 || text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return VirtualServerKeywords.DefaultPersistence;
        }

        return block.Int("persistence_timeout", 1, 31_536_000) is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static IPAddress? ReadGranularity(ConfigBlock block, VirtualServerKey key)
    {
        if (block.String("persistence_granularity") is not { } text)
        {
            return null;
        }

        var v6 = key.Family == AddressFamily.InterNetworkV6;
        if (int.TryParse(text.Trim(), out var prefix) && prefix >= 1 && prefix <= (v6 ? 128 : 32))
        {
            return Mask(prefix, v6);
        }

        if (!v6 && IPAddress.TryParse(text.Trim(), out var mask) && mask.AddressFamily == AddressFamily.InterNetwork && IsContiguous(mask))
        {
            return mask;
        }

        block.Error("persistence_granularity", $"invalid persistence_granularity '{text}' in {block.Context} (expected a netmask such as 255.255.255.0 or a prefix length)");
        return null;
    }

    private static RealServerKey? ReadSorryServer(ConfigBlock block, VirtualServerKey key)
    {
        if (block.String("sorry_server") is not { } text)
        {
            return null;
        }

        if (RealServerKey.TryParse(text, key.Port, out var sorry, out var error))
        {
            return sorry;
        }

        block.Error("sorry_server", $"invalid sorry_server '{text}' in {block.Context}: {error}");
        return null;
    }

    private static DataPlaneChoice ReadDataPlane(ClusterConfiguration configuration, ValidationReport report)
    {
        var globals = configuration.Section("global_defs");
        switch (globals["data_plane"]?.Trim().ToLowerInvariant())
        {
            case null or "auto":
                return DataPlaneChoice.Auto;
            case "nftables":
                return DataPlaneChoice.Nftables;
            case "ipvs":
                return DataPlaneChoice.Ipvs;
            case "userspace":
                return DataPlaneChoice.Userspace;
            default:
                report.Error(ConfigurationPath.Combine(globals.Path, "data_plane"), $"invalid data_plane '{globals["data_plane"]}' in global_defs (expected auto, nftables, ipvs or userspace)");
                return DataPlaneChoice.Auto;
        }
    }

    private static IPAddress Mask(int prefix, bool v6)
    {
        var bytes = new byte[v6 ? 16 : 4];
        for (var i = 0; i < prefix; i++)
        {
            bytes[i / 8] |= (byte)(0x80 >> (i % 8));
        }

        return new IPAddress(bytes);
    }

    private static bool IsContiguous(IPAddress mask)
    {
        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(mask.GetAddressBytes());
        return value != 0 && (~value & (~value + 1)) == 0;
    }

    private static int Errors(ValidationReport report) => report.Issues.Count(i => i.Severity == ConfigSeverity.Error);
}
