using Vigil.Abstractions.Events;
using Vigil.Plugins.Notify.Rules;

namespace Vigil.Plugins.Notify.Templates;

/// <summary>The common facts of any event, in keepalived's words, for filters and the template model.</summary>
/// <param name="Kind">The event kind (<see cref="EventKinds"/>).</param>
/// <param name="Type">Keepalived's word for the subject: <c>INSTANCE</c>, <c>GROUP</c>, <c>RS</c>, <c>VS</c>; else the kind.</param>
/// <param name="Name">The instance, group, real server or virtual server the event is about.</param>
/// <param name="Instance">The VRRP instance or sync group name, when the event is about one.</param>
/// <param name="VirtualServer">The virtual server's key (<c>10.1.0.93:80/tcp</c>), when the event is about one.</param>
/// <param name="RealServer">The real server's key (<c>10.1.0.69:80</c>), when the event is about one.</param>
/// <param name="OldState">The state left (<c>BACKUP</c>, <c>DOWN</c>, …).</param>
/// <param name="NewState">The state entered (<c>MASTER</c>, <c>UP</c>, …).</param>
/// <param name="Priority">What keepalived passes to a generic notify script: the effective priority, 0 for a group.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="VirtualServerText">The virtual server as keepalived's mails show it (<c>[10.1.0.93]:tcp:80</c>).</param>
/// <param name="RealServerText">The real server as keepalived's mails show it (<c>[10.1.0.69]:tcp:80</c>).</param>
internal sealed record EventFacts(
    string Kind,
    string Type,
    string Name,
    string? Instance,
    string? VirtualServer,
    string? RealServer,
    string? OldState,
    string? NewState,
    int Priority,
    string Reason,
    string VirtualServerText = "",
    string RealServerText = "")
{
    public static EventFacts Of(ClusterEvent evt) => evt switch
    {
        VrrpStateChanged e => new(EventKinds.VrrpInstance, "INSTANCE", e.Instance, e.Instance, null, null,
            State(e.OldState), State(e.NewState), e.EffectivePriority, e.Reason),
        VrrpSyncGroupStateChanged e => new(EventKinds.VrrpSyncGroup, "GROUP", e.Group, e.Group, null, null,
            State(e.OldState), State(e.NewState), 0, e.Reason),
        RealServerStateChanged e => new(EventKinds.RealServer, "RS", e.RealServer.ToString(), null, e.VirtualServer.ToString(), e.RealServer.ToString(),
            UpDown(!e.Up), UpDown(e.Up), 0, e.Reason, ServerText.Format(e.VirtualServer), ServerText.Format(e.RealServer, e.VirtualServer)),
        VirtualServerQuorumChanged e => new(EventKinds.VirtualServer, "VS", e.VirtualServer.ToString(), null, e.VirtualServer.ToString(), null,
            UpDown(!e.Up), UpDown(e.Up), 0, e.Up ? "gained quorum" : "lost quorum", ServerText.Format(e.VirtualServer)),
        _ => new(EventKinds.Of(evt), EventKinds.Of(evt).ToUpperInvariant(), evt.GetType().Name, null, null, null, null, null, 0, ""),
    };

    /// <summary>Keepalived's upper-case state word.</summary>
    public static string State(VrrpState state) => state.ToString().ToUpperInvariant();

    private static string UpDown(bool up) => up ? "UP" : "DOWN";
}
