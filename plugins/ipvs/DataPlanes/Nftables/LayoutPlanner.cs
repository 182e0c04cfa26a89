using System.Net;
using Vigil.Abstractions.VirtualServers;
using Vigil.Linux.Netlink.Conntrack;
using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Plugins.Ipvs.DataPlanes.Nftables;

/// <summary>
/// Lays a service plan out for nftables: which backends take new connections and with what share, given the previous
/// layout (hash buckets stay with their server, backends that left the plan but stay configured are kept dormant) and
/// conntrack's current counts (the lc family). Pure.
/// </summary>
internal static class LayoutPlanner
{
    /// <summary>The layout of <paramref name="plan"/> at <paramref name="generation"/>.</summary>
    /// <param name="plan">The control plane's plan.</param>
    /// <param name="serviceId">The service's stable id.</param>
    /// <param name="generation">The generation of the chains the layout would be written to.</param>
    /// <param name="idOf">Each backend's stable id.</param>
    /// <param name="previous">What is programmed now, or null.</param>
    /// <param name="counts">Connections per backend id, as conntrack last counted them.</param>
    public static ServiceLayout Layout(
        ServicePlan plan,
        int serviceId,
        int generation,
        Func<RealServerKey, uint> idOf,
        ServiceLayout? previous,
        IReadOnlyDictionary<uint, ConnectionCount> counts)
    {
        var known = plan.Backends.Select(b => new LiveBackend(b, idOf(b.Server))).ToList();
        var live = known.Where(b => b.Plan.Weight > 0).ToList();
        var algorithm = plan.Service.Algorithm;
        var spread = live.Count == 0 ? SpreadKind.None : SpreadRules.For(algorithm);
        var weights = live.Select(b => b.Plan.Weight).ToList();
        IReadOnlyList<int> shares = spread switch
        {
            SpreadKind.InTurn when algorithm == SchedulerAlgorithm.RoundRobin => live.Select(_ => 1).ToArray(),
            SpreadKind.InTurn => weights,
            SpreadKind.Random => LoadShares.Compute(
                algorithm,
                weights,
                live.Select(b => counts.GetValueOrDefault(b.Id).Established).ToList(),
                live.Select(b => counts.GetValueOrDefault(b.Id).Other).ToList()),
            _ => [],
        };
        var buckets = spread == SpreadKind.Hash
            ? SlotPlanner.Buckets(live.Select(b => (long)b.Id).ToList(), weights, previous?.Buckets)
            : null;
        var ids = known.Select(b => b.Id).ToHashSet();
        var dormant = previous?.Held.Where(b => !ids.Contains(b.Id) && Configured(plan.Service, b.Plan.Server)).ToList() ?? [];
        return new ServiceLayout(serviceId, generation, plan, live, known, spread, shares, buckets) { Dormant = dormant };
    }

    /// <summary>Whether <paramref name="server"/> is one of the service's servers that the inet table would carry.</summary>
    private static bool Configured(VirtualServerDefinition service, RealServerKey server) =>
        service.SorryServer == server
        || service.RealServers.Any(r => r.Key == server && (r.Method != ForwardingMethod.DirectRouting || IPAddress.IsLoopback(server.Address)));
}
