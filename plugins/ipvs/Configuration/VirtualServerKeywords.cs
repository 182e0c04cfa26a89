using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.Ipvs.Configuration;

/// <summary>The keywords of keepalived's <c>virtual_server</c> and <c>real_server</c> blocks, and the names of their values.</summary>
internal static class VirtualServerKeywords
{
    /// <summary>What a <c>virtual_server</c> block may hold (checker timing keywords are inherited by its checkers).</summary>
    public static readonly IReadOnlySet<string> VirtualServer = new HashSet<string>(
        [
            "delay_loop", "lb_algo", "lvs_sched", "lb_kind", "lvs_method", "protocol", "persistence_timeout",
            "persistence_granularity", "persistence_engine", "ops", "sorry_server", "sorry_server_inhibit",
            "sorry_server_lvs_method", "inhibit_on_failure", "quorum", "hysteresis", "alpha", "omega", "ha_suspend",
            "virtualhost", "nat_mask", "ip_family", "real_server", "sh-port", "sh-fallback", "mh-port", "mh-fallback",
            "flag-1", "flag-2", "flag-3", .. CheckerKeywords.Inheritable,
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>What a <c>real_server</c> block may hold besides checker blocks.</summary>
    public static readonly IReadOnlySet<string> RealServer = new HashSet<string>(
        ["weight", "inhibit_on_failure", "lvs_method", "lb_kind", "virtualhost", .. CheckerKeywords.Inheritable],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>keepalived's default <c>persistence_timeout</c> when the keyword is written bare.</summary>
    public static readonly TimeSpan DefaultPersistence = TimeSpan.FromSeconds(360);

    private static readonly Dictionary<string, SchedulerAlgorithm> Algorithms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rr"] = SchedulerAlgorithm.RoundRobin,
        ["wrr"] = SchedulerAlgorithm.WeightedRoundRobin,
        ["lc"] = SchedulerAlgorithm.LeastConnection,
        ["wlc"] = SchedulerAlgorithm.WeightedLeastConnection,
        ["lblc"] = SchedulerAlgorithm.LocalityLeastConnection,
        ["lblcr"] = SchedulerAlgorithm.LocalityLeastConnectionReplicated,
        ["sh"] = SchedulerAlgorithm.SourceHashing,
        ["dh"] = SchedulerAlgorithm.DestinationHashing,
        ["sed"] = SchedulerAlgorithm.ShortestExpectedDelay,
        ["nq"] = SchedulerAlgorithm.NeverQueue,
        ["mh"] = SchedulerAlgorithm.Maglev,
        ["fo"] = SchedulerAlgorithm.WeightedFailover,
        ["ovf"] = SchedulerAlgorithm.WeightedOverflow,
    };

    /// <summary>The scheduler <paramref name="name"/> stands for, as <c>lb_algo</c> spells it.</summary>
    public static bool TryAlgorithm(string name, out SchedulerAlgorithm algorithm) => Algorithms.TryGetValue(name.Trim(), out algorithm);

    /// <summary>The <c>lb_algo</c> spelling of <paramref name="algorithm"/>.</summary>
    public static string Name(SchedulerAlgorithm algorithm) => Algorithms.First(a => a.Value == algorithm).Key;

    /// <summary>The forwarding method <paramref name="name"/> stands for, as <c>lb_kind</c> spells it (NAT, DR, TUN).</summary>
    public static bool TryMethod(string name, out ForwardingMethod method)
    {
        switch (name.Trim().ToUpperInvariant())
        {
            case "NAT":
                method = ForwardingMethod.Nat;
                return true;
            case "DR":
                method = ForwardingMethod.DirectRouting;
                return true;
            case "TUN":
                method = ForwardingMethod.Tunnel;
                return true;
            default:
                method = default;
                return false;
        }
    }

    /// <summary>The <c>lb_kind</c> spelling of <paramref name="method"/>.</summary>
    public static string Name(ForwardingMethod method) => method switch
    {
        ForwardingMethod.DirectRouting => "DR",
        ForwardingMethod.Tunnel => "TUN",
        _ => "NAT",
    };
}
