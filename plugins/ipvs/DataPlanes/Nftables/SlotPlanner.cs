namespace Vigil.Plugins.Ipvs.DataPlanes.Nftables;

/// <summary>
/// Turns weights into the value ranges an nftables <c>numgen … mod N vmap</c> or <c>jhash … mod N vmap</c> maps to
/// backends, as nftlb does. Pure.
/// </summary>
internal static class SlotPlanner
{
    /// <summary>The jhash space of the hashing schedulers: 256 buckets, as IPVS's sh and dh tables.</summary>
    public const int HashBuckets = 256;

    /// <summary>
    /// One range per backend of positive share, in order, covering 0 … sum − 1: backend i receives share[i] of every
    /// sum new connections (numgen inc gives them in turn, numgen random in proportion).
    /// </summary>
    public static IReadOnlyList<SlotRange> Ranges(IReadOnlyList<int> shares)
    {
        var ranges = new List<SlotRange>(shares.Count);
        var next = 0;
        for (var i = 0; i < shares.Count; i++)
        {
            if (shares[i] <= 0)
            {
                continue;
            }

            ranges.Add(new SlotRange(next, next + shares[i] - 1, i));
            next += shares[i];
        }

        return ranges;
    }

    /// <summary>
    /// Assigns the <see cref="HashBuckets"/> hash buckets to backends by weight, keeping every bucket that
    /// <paramref name="previous"/> gave a backend still present: a server going down moves only its own clients, so
    /// established flows to the others keep their server even where nothing tracks them (DR in netdev ingress).
    /// </summary>
    /// <param name="backends">Stable identities of the live backends, in order.</param>
    /// <param name="weights">Their weights (positive).</param>
    /// <param name="previous">The former owner identity of each bucket, or null.</param>
    /// <returns>The owner identity of each bucket.</returns>
    public static long[] Buckets(IReadOnlyList<long> backends, IReadOnlyList<int> weights, IReadOnlyList<long>? previous)
    {
        var owners = new long[HashBuckets];
        if (backends.Count == 0)
        {
            return owners;
        }

        var quota = Quotas(weights);
        var index = new Dictionary<long, int>();
        for (var i = 0; i < backends.Count; i++)
        {
            index[backends[i]] = i;
        }

        var held = new int[backends.Count];
        var free = new List<int>();
        for (var b = 0; b < HashBuckets; b++)
        {
            if (previous is not null && index.TryGetValue(previous[b], out var i) && held[i] < quota[i])
            {
                owners[b] = previous[b];
                held[i]++;
            }
            else
            {
                free.Add(b);
            }
        }

        var cursor = 0;
        foreach (var bucket in free)
        {
            while (held[cursor] >= quota[cursor])
            {
                cursor = (cursor + 1) % backends.Count;
            }

            owners[bucket] = backends[cursor];
            held[cursor]++;
            cursor = (cursor + 1) % backends.Count;
        }

        return owners;
    }

    /// <summary>The bucket owners as ranges of consecutive buckets with one owner.</summary>
    public static IReadOnlyList<(int First, int Last, long Owner)> Runs(IReadOnlyList<long> owners)
    {
        var runs = new List<(int, int, long)>();
        var start = 0;
        for (var b = 1; b <= owners.Count; b++)
        {
            if (b == owners.Count || owners[b] != owners[start])
            {
                runs.Add((start, b - 1, owners[start]));
                start = b;
            }
        }

        return runs;
    }

    /// <summary>Buckets per backend in proportion to weight, summing to <see cref="HashBuckets"/>, each at least 1 (largest remainders).</summary>
    private static int[] Quotas(IReadOnlyList<int> weights)
    {
        var total = weights.Sum(w => (long)w);
        var quota = new int[weights.Count];
        var remainders = new (double Remainder, int Index)[weights.Count];
        var given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (double)weights[i] * HashBuckets / total;
            quota[i] = Math.Max(1, (int)Math.Floor(exact));
            remainders[i] = (exact - Math.Floor(exact), i);
            given += quota[i];
        }

        foreach (var (_, i) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index))
        {
            if (given >= HashBuckets)
            {
                break;
            }

            quota[i]++;
            given++;
        }

        // More backends than buckets cannot all hold one; the excess are trimmed from the largest quotas.
        for (var i = 0; given > HashBuckets; i = (i + 1) % quota.Length)
        {
            if (quota[i] > 1)
            {
                quota[i]--;
                given--;
            }
        }

        return quota;
    }
}
