using System.Net.Sockets;
using Vigil.Linux.Netlink.Route;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>The parse state of one rule line and the checks on the whole rule.</summary>
internal static partial class RuleLineParser
{
    private static string Check(State state)
    {
        var spec = state.Spec;
        if (!state.HasAction)
        {
            return "no action (table, goto, nop, blackhole, unreachable or prohibit)";
        }

        if (spec.Action == RuleAction.Goto && spec.Priority is null)
        {
            return $"goto {spec.GotoTarget} needs a preference";
        }

        if (spec.Action == RuleAction.Goto && spec.Priority >= spec.GotoTarget)
        {
            return $"preference {spec.Priority} must be below goto target {spec.GotoTarget}";
        }

        return state.TableOption && spec.Action != RuleAction.Table ? "suppress_prefixlength and suppress_ifgroup need a table action" : "";
    }

    private static string SetFamily(State state, AddressFamily family)
    {
        if (state.Family is { } existing && existing != family)
        {
            return family == AddressFamily.InterNetworkV6 ? "inet6 given for an IPv4 rule" : "inet given for an IPv6 rule";
        }

        state.Family = family;
        return "";
    }

    private static string SetAction(State state, RuleSpec spec)
    {
        if (state.HasAction)
        {
            return "more than one of table, l3mdev, goto, nop, blackhole, unreachable and prohibit";
        }

        state.HasAction = true;
        state.Spec = spec;
        return "";
    }

    private static string Set(State state, RuleSpec spec)
    {
        state.Spec = spec;
        return "";
    }

    private sealed class State
    {
        public RuleSpec Spec { get; set; } = new(AddressFamily.InterNetwork, RuleAction.Table);

        public AddressFamily? Family { get; set; }

        public bool HasAction { get; set; }

        public bool TableOption { get; set; }
    }
}
