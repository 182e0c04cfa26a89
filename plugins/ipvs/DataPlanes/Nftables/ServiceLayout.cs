using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Plugins.Ipvs.DataPlanes.Nftables;

/// <summary>One live backend of a laid-out service: its plan, its mark id and its share of new connections.</summary>
/// <param name="Plan">What the control plane asked for.</param>
/// <param name="Id">Its stable id (the low bits of its connections' ct mark, its counters' and chains' names).</param>
internal sealed record LiveBackend(BackendPlan Plan, uint Id);

/// <summary>
/// What one service looks like in the ruleset at one generation: how new connections are spread (a numgen range map, a
/// 256-bucket jhash map, or one backend) over the backends that take new connections. Pure data, rendered by
/// <see cref="NftablesRenderer"/>.
/// </summary>
/// <param name="ServiceId">The service's stable id.</param>
/// <param name="Generation">
/// The generation of the service's chains. A change rewrites the service chain in place and keeps it; only a change
/// to what the backend chains say bumps it, so that new chains exist beside the old ones until the switch.
/// </param>
/// <param name="Plan">The control plane's plan.</param>
/// <param name="Live">Backends taking new connections (weight above 0), in order.</param>
/// <param name="Known">Every backend of the plan with its id, live or not (their chains, counters and persistence sets exist).</param>
/// <param name="Spread">How new connections pick among <paramref name="Live"/>.</param>
/// <param name="Shares">Per live backend, its numgen range length (for <see cref="SpreadKind.InTurn"/> and <see cref="SpreadKind.Random"/>).</param>
/// <param name="Buckets">For <see cref="SpreadKind.Hash"/>, the backend id owning each bucket.</param>
internal sealed record ServiceLayout(
    int ServiceId,
    int Generation,
    ServicePlan Plan,
    IReadOnlyList<LiveBackend> Live,
    IReadOnlyList<LiveBackend> Known,
    SpreadKind Spread,
    IReadOnlyList<int> Shares,
    IReadOnlyList<long>? Buckets)
{
    /// <summary>
    /// Backends that left the plan (a failed check removes a server from its service) while their servers stay
    /// configured: their chains, counters and persistence sets are kept, so a server going down and coming back is a
    /// change to the service chain alone, and keeps its id and so its connections' marks.
    /// </summary>
    public IReadOnlyList<LiveBackend> Dormant { get; init; } = [];

    /// <summary>Every backend whose chains, counters and persistence set exist: <see cref="Known"/>, then <see cref="Dormant"/>.</summary>
    public IEnumerable<LiveBackend> Held => Known.Concat(Dormant);

    /// <summary>The service chain's name at this generation.</summary>
    public string Chain => $"svc_{ServiceId}_{Generation}";

    /// <summary>The backend chain of <paramref name="id"/> at this generation.</summary>
    public string BackendChain(uint id) => $"be_{id}_{Generation}";

    /// <summary>True when the rules (not only counters) would differ from <paramref name="other"/>.</summary>
    public bool SameRules(ServiceLayout other) =>
        Plan.Equals(other.Plan) && Spread == other.Spread && Shares.SequenceEqual(other.Shares)
        && Dormant.Select(b => b.Id).SequenceEqual(other.Dormant.Select(b => b.Id))
        && (Buckets is null ? other.Buckets is null : other.Buckets is not null && Buckets.SequenceEqual(other.Buckets));
}

/// <summary>How a service spreads new connections in nftables.</summary>
internal enum SpreadKind
{
    /// <summary>No backend takes new connections: they are dropped.</summary>
    None,

    /// <summary><c>numgen inc</c>: rr and wrr, in turn by range.</summary>
    InTurn,

    /// <summary><c>numgen random</c> with shares recomputed from conntrack counts: the lc family.</summary>
    Random,

    /// <summary><c>jhash</c> of the source (sh, mh, sh-port) or destination (dh) over 256 buckets.</summary>
    Hash,
}

/// <summary>Which scheduler spreads how; and the one the nftables plane cannot do.</summary>
internal static class SpreadRules
{
    /// <summary>The spread <paramref name="algorithm"/> becomes.</summary>
    public static SpreadKind For(SchedulerAlgorithm algorithm) => algorithm switch
    {
        SchedulerAlgorithm.RoundRobin or SchedulerAlgorithm.WeightedRoundRobin => SpreadKind.InTurn,
        SchedulerAlgorithm.SourceHashing or SchedulerAlgorithm.DestinationHashing or SchedulerAlgorithm.Maglev => SpreadKind.Hash,
        _ => SpreadKind.Random,
    };
}
