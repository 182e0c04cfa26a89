using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Plugins.Ipvs.DataPlanes.Nftables;

/// <summary>
/// How the nftables plane realises the schedulers that need live connection counts (lc, wlc, sed, nq, lblc, lblcr, fo,
/// ovf), which nftables cannot count per packet: from conntrack's counts of each backend's connections, the control
/// plane recomputes every backend's share of the next new connections (a <c>numgen random</c> range) and rewrites the
/// service when the shares change. Pure.
/// </summary>
internal static class LoadShares
{
    /// <summary>The resolution of a share: the numgen modulus for a load-balanced service.</summary>
    public const int Resolution = 1000;

    /// <summary>True for the schedulers this class serves.</summary>
    public static bool NeedsCounts(SchedulerAlgorithm algorithm) => algorithm is SchedulerAlgorithm.LeastConnection
        or SchedulerAlgorithm.WeightedLeastConnection or SchedulerAlgorithm.ShortestExpectedDelay or SchedulerAlgorithm.NeverQueue
        or SchedulerAlgorithm.LocalityLeastConnection or SchedulerAlgorithm.LocalityLeastConnectionReplicated
        or SchedulerAlgorithm.WeightedFailover or SchedulerAlgorithm.WeightedOverflow;

    /// <summary>
    /// The share of each backend (weights positive) given its active and inactive connections. A backend's IPVS
    /// "overhead" is <c>active × 256 + inactive</c> (lc, wlc) or <c>active + 1</c> (sed, nq); the least-loaded per unit
    /// of weight gets the largest share, and with no connections anywhere the shares follow the weights.
    /// fo sends everything to the heaviest backend; ovf to the heaviest whose active count is below its weight.
    /// </summary>
    public static int[] Compute(SchedulerAlgorithm algorithm, IReadOnlyList<int> weights, IReadOnlyList<long> active, IReadOnlyList<long> inactive)
    {
        var shares = new int[weights.Count];
        if (weights.Count == 0)
        {
            return shares;
        }

        switch (algorithm)
        {
            case SchedulerAlgorithm.WeightedFailover:
                shares[ArgMax(weights, _ => true)] = Resolution;
                return shares;
            case SchedulerAlgorithm.WeightedOverflow:
                var open = ArgMax(weights, i => active[i] < weights[i]);
                shares[open >= 0 ? open : ArgMax(weights, _ => true)] = Resolution;
                return shares;
        }

        var unweighted = algorithm == SchedulerAlgorithm.LeastConnection;
        var nq = algorithm == SchedulerAlgorithm.NeverQueue;
        var idle = nq ? Enumerable.Range(0, weights.Count).Where(i => active[i] == 0).ToList() : [];
        var raw = new double[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            if (nq && idle.Count > 0 && !idle.Contains(i))
            {
                continue;
            }

            var weight = unweighted ? 1.0 : weights[i];
            var overhead = algorithm is SchedulerAlgorithm.ShortestExpectedDelay or SchedulerAlgorithm.NeverQueue
                ? active[i] + 1.0
                : active[i] * 256.0 + inactive[i] + 1.0;
            raw[i] = weight * weight / (weight + overhead / 256.0);
        }

        return Apportion(raw);
    }

    /// <summary>
    /// Splits <see cref="Resolution"/> in proportion to <paramref name="raw"/>: every positive entry gets at least 1, the
    /// rest by largest remainder, so the shares sum to exactly <see cref="Resolution"/> (or one per server where there are more).
    /// </summary>
    private static int[] Apportion(double[] raw)
    {
        var shares = new int[raw.Length];
        var positive = raw.Count(r => r > 0);
        var resolution = Math.Max(Resolution, positive);
        var spare = resolution - positive;
        var total = raw.Sum();
        var remainders = new List<(double Remainder, int Index)>();
        var given = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] <= 0)
            {
                continue;
            }

            var exact = raw[i] / total * spare;
            shares[i] = 1 + (int)Math.Floor(exact);
            given += shares[i];
            remainders.Add((exact - Math.Floor(exact), i));
        }

        foreach (var (_, i) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index))
        {
            if (given >= resolution)
            {
                break;
            }

            shares[i]++;
            given++;
        }

        return shares;
    }

    private static int ArgMax(IReadOnlyList<int> values, Func<int, bool> eligible)
    {
        var best = -1;
        for (var i = 0; i < values.Count; i++)
        {
            if (eligible(i) && (best < 0 || values[i] > values[best]))
            {
                best = i;
            }
        }

        return best;
    }
}
