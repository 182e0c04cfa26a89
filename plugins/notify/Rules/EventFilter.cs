using Vigil.Abstractions.Events;
using Vigil.Plugins.Notify.Templates;

namespace Vigil.Plugins.Notify.Rules;

/// <summary>Which events a handler takes: every condition that is set must hold.</summary>
/// <param name="Kinds">Event kinds (<see cref="EventKinds"/>); null takes every kind.</param>
/// <param name="Module">The publishing module; null takes any.</param>
/// <param name="Instance">The VRRP instance or sync group name.</param>
/// <param name="VirtualServer">The virtual server as configured.</param>
/// <param name="RealServer">The real server as configured.</param>
/// <param name="States">New states (<c>MASTER</c>, <c>UP</c>, …), upper case; null takes any.</param>
internal sealed record EventFilter(
    IReadOnlySet<string>? Kinds,
    string? Module = null,
    NameMatcher? Instance = null,
    NameMatcher? VirtualServer = null,
    NameMatcher? RealServer = null,
    IReadOnlySet<string>? States = null)
{
    /// <summary>Takes every event.</summary>
    public static EventFilter Any { get; } = new((IReadOnlySet<string>?)null);

    public bool Matches(ClusterEvent evt)
    {
        if (Kinds is not null && !Kinds.Contains(EventKinds.Of(evt)))
        {
            return false;
        }

        if (Module is not null && !string.Equals(Module, evt.Source, StringComparison.Ordinal))
        {
            return false;
        }

        var facts = EventFacts.Of(evt);
        return (Instance is null || Instance.IsMatch(facts.Instance))
            && (VirtualServer is null || VirtualServer.IsMatch(facts.VirtualServer))
            && (RealServer is null || RealServer.IsMatch(facts.RealServer))
            && (States is null || (facts.NewState is not null && States.Contains(facts.NewState)));
    }
}
