using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Notify.Rules;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>
/// Turns keepalived's own notify keywords into handlers: notify_master/backup/fault/stop and notify in
/// vrrp_instance and vrrp_sync_group, notify_up/notify_down in real_server, quorum_up/quorum_down in
/// virtual_server, smtp_alert at every level, and the notify fifos. The vrrp and ipvs modules own those blocks;
/// this reads them and checks only the notify keys.
/// </summary>
internal static class KeepalivedHandlersReader
{
    private static readonly (string Key, string State)[] VrrpScripts =
        [("notify_master", "MASTER"), ("notify_backup", "BACKUP"), ("notify_fault", "FAULT"), ("notify_stop", "STOP")];

    private static readonly string[] VrrpStates = ["MASTER", "BACKUP", "FAULT", "STOP"];

    /// <summary>The keywords this reader takes from blocks the vrrp and ipvs modules own; the owners accept them unread.</summary>
    public static readonly IReadOnlyCollection<KeywordClaim> Claims =
    [
        new("vrrp_instance", ["notify", "notify_master", "notify_backup", "notify_fault", "notify_stop", "smtp_alert"]),
        new("vrrp_sync_group", ["notify", "notify_master", "notify_backup", "notify_fault", "notify_stop", "smtp_alert"]),
        new("virtual_server", ["quorum_up", "quorum_down", "smtp_alert"]),
        new("virtual_server/real_server", ["notify_up", "notify_down", "smtp_alert"]),
    ];

    public static void Read(ClusterConfiguration configuration, HandlerDefaults defaults, List<FifoScript> fifos, ValidationReport report, List<NotifyHandler> handlers)
    {
        ReadVrrp(configuration.Section("vrrp_instance"), "vrrp_instance", EventKinds.VrrpInstance, defaults, report, handlers);
        ReadVrrp(configuration.Section("vrrp_sync_group"), "vrrp_sync_group", EventKinds.VrrpSyncGroup, defaults, report, handlers);
        ReadVirtualServers(configuration, defaults, report, handlers);
        foreach (var fifo in fifos)
        {
            var kinds = fifo.ConfigPath.EndsWith(":vrrp_notify_fifo", StringComparison.Ordinal) ? [EventKinds.VrrpInstance, EventKinds.VrrpSyncGroup]
                : fifo.ConfigPath.EndsWith(":lvs_notify_fifo", StringComparison.Ordinal) ? [EventKinds.RealServer, EventKinds.VirtualServer]
                : EventKinds.Known.ToArray();
            handlers.Add(defaults.Fifo($"fifo {fifo.Path}", new EventFilter(kinds.ToHashSet()), fifo.Path));
        }
    }

    private static void ReadVrrp(IConfigurationSection section, string keyword, string kind, HandlerDefaults defaults, ValidationReport report, List<NotifyHandler> handlers)
    {
        var kinds = new HashSet<string> { kind };
        foreach (var block in ConfigSections.Items(section))
        {
            var name = block["name"];
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            var context = $"{keyword} {name}";
            foreach (var (key, state) in VrrpScripts)
            {
                if (ScriptLineReader.Read(block.GetSection(key), context, defaults.Global.ScriptSecurity, report) is { } line)
                {
                    var filter = new EventFilter(kinds, Instance: NameMatcher.Exact(name), States: new HashSet<string> { state });
                    handlers.Add(defaults.Script($"{context} {key}", filter, line, null, $"{context} scripts"));
                }
            }

            if (ScriptLineReader.Read(block.GetSection("notify"), context, defaults.Global.ScriptSecurity, report) is { } generic)
            {
                handlers.Add(defaults.Script($"{context} notify", new EventFilter(kinds, Instance: NameMatcher.Exact(name)), generic, defaults.GenericArguments, $"{context} scripts"));
            }

            var alert = new ConfigBlock(block, context, report).OptionalFlag("smtp_alert")
                ?? defaults.Global.SmtpAlertVrrp ?? defaults.Global.SmtpAlert;
            if (alert && defaults.Global.Smtp.CanSend)
            {
                var states = VrrpStates.Where(s => !(defaults.Global.NoEmailFaults && s == "FAULT")).ToHashSet();
                handlers.Add(defaults.Email($"{context} smtp_alert", new EventFilter(kinds, Instance: NameMatcher.Exact(name), States: states)));
            }
        }
    }

    private static void ReadVirtualServers(ClusterConfiguration configuration, HandlerDefaults defaults, ValidationReport report, List<NotifyHandler> handlers)
    {
        var quorumKinds = new HashSet<string> { EventKinds.VirtualServer };
        var serverKinds = new HashSet<string> { EventKinds.RealServer };
        foreach (var vs in ConfigSections.Items(configuration.Section("virtual_server")))
        {
            // The virtual-server module reports names that are no server; notify only skips them.
            var vsName = vs["name"];
            TransportProtocols.TryParse(vs["protocol"], out var protocol);
            if (!VirtualServerKey.TryParse(vsName, protocol, out var vsKey, out _))
            {
                continue;
            }

            var context = $"virtual_server {vsName}";
            var vsMatch = NameMatcher.Exact(vsKey.ToString());
            AddScript(vs, "quorum_up", context, new EventFilter(quorumKinds, VirtualServer: vsMatch, States: new HashSet<string> { "UP" }), defaults, report, handlers);
            AddScript(vs, "quorum_down", context, new EventFilter(quorumKinds, VirtualServer: vsMatch, States: new HashSet<string> { "DOWN" }), defaults, report, handlers);
            var vsAlert = new ConfigBlock(vs, context, report).OptionalFlag("smtp_alert") ?? defaults.Global.SmtpAlertChecker ?? defaults.Global.SmtpAlert;
            if (vsAlert && defaults.Global.Smtp.CanSend)
            {
                handlers.Add(defaults.Email($"{context} smtp_alert", new EventFilter(quorumKinds, VirtualServer: vsMatch)));
            }

            foreach (var rs in ConfigSections.Items(vs.GetSection("real_server")))
            {
                var rsName = rs["name"];
                if (!RealServerKey.TryParse(rsName, vsKey.Port, out var rsKey, out _))
                {
                    continue;
                }

                var rsContext = $"real_server {rsName} in {context}";
                var rsMatch = NameMatcher.Exact(rsKey.ToString());
                AddScript(rs, "notify_up", rsContext, new EventFilter(serverKinds, VirtualServer: vsMatch, RealServer: rsMatch, States: new HashSet<string> { "UP" }), defaults, report, handlers);
                AddScript(rs, "notify_down", rsContext, new EventFilter(serverKinds, VirtualServer: vsMatch, RealServer: rsMatch, States: new HashSet<string> { "DOWN" }), defaults, report, handlers);
                var rsAlert = new ConfigBlock(rs, rsContext, report).OptionalFlag("smtp_alert") ?? vsAlert;
                if (rsAlert && defaults.Global.Smtp.CanSend)
                {
                    handlers.Add(defaults.Email($"{rsContext} smtp_alert", new EventFilter(serverKinds, VirtualServer: vsMatch, RealServer: rsMatch)));
                }
            }
        }
    }

    private static void AddScript(IConfigurationSection block, string key, string context, EventFilter filter, HandlerDefaults defaults, ValidationReport report, List<NotifyHandler> handlers)
    {
        if (ScriptLineReader.Read(block.GetSection(key), context, defaults.Global.ScriptSecurity, report) is { } line)
        {
            handlers.Add(defaults.Script($"{context} {key}", filter, line, null, $"{context} scripts"));
        }
    }
}
