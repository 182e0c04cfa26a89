namespace Vigil.Plugins.Ipvs.Configuration;

/// <summary>The schedulers keepalived's <c>lb_algo</c> names (IPVS's own set).</summary>
public enum SchedulerAlgorithm
{
    /// <summary><c>rr</c>: each server in turn.</summary>
    RoundRobin,

    /// <summary><c>wrr</c>: in turn, as often as the weight says (IPVS's gcd sequence).</summary>
    WeightedRoundRobin,

    /// <summary><c>lc</c>: the server with the fewest connections.</summary>
    LeastConnection,

    /// <summary><c>wlc</c>: the fewest connections per unit of weight (keepalived's default).</summary>
    WeightedLeastConnection,

    /// <summary><c>lblc</c>: by destination address, moving off an overloaded server.</summary>
    LocalityLeastConnection,

    /// <summary><c>lblcr</c>: by destination address onto a replicated set.</summary>
    LocalityLeastConnectionReplicated,

    /// <summary><c>sh</c>: by a hash of the source address.</summary>
    SourceHashing,

    /// <summary><c>dh</c>: by a hash of the destination address.</summary>
    DestinationHashing,

    /// <summary><c>sed</c>: the shortest expected delay, (active + 1) / weight.</summary>
    ShortestExpectedDelay,

    /// <summary><c>nq</c>: an idle server if there is one, else as <c>sed</c>.</summary>
    NeverQueue,

    /// <summary><c>mh</c>: Maglev consistent hashing of the source.</summary>
    Maglev,

    /// <summary><c>fo</c>: the available server with the highest weight.</summary>
    WeightedFailover,

    /// <summary><c>ovf</c>: the highest-weight server until its active connections exceed its weight.</summary>
    WeightedOverflow,
}
