using Scriban.Runtime;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Notify.Templates;

/// <summary>One event of each kind keepalived notifies about, to render every configured template once at validation.</summary>
internal static class SampleEvents
{
    private static readonly DateTimeOffset When = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<ClusterEvent> Events { get; } =
    [
        new VrrpStateChanged("VI_1", "eth0", 51, VrrpState.Backup, VrrpState.Master, "sample", 100, 100) { Timestamp = When, Source = "vrrp" },
        new VrrpSyncGroupStateChanged("VG_1", VrrpState.Backup, VrrpState.Master, "sample") { Timestamp = When, Source = "vrrp" },
        new RealServerStateChanged(VirtualServerKey.Parse("10.0.0.1 80"), RealServerKey.Parse("10.0.0.2 80"), false, "TCP_CHECK", "sample") { Timestamp = When, Source = "ipvs" },
        new VirtualServerQuorumChanged(VirtualServerKey.Parse("10.0.0.1 80"), true, 2, 1) { Timestamp = When, Source = "ipvs" },
    ];

    /// <summary>Models of <see cref="Events"/>, with a sample subject and body as payload templates see them.</summary>
    public static IReadOnlyList<ScriptObject> Models { get; } = Events.Select(e =>
    {
        var model = NotificationModel.Build(e, new ModelContext("host", "host"));
        model["subject"] = "subject";
        model["body"] = "body";
        return model;
    }).ToList();
}
