using System.Net;
using System.Numerics;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// <c>mh</c> (ip_vs_mh.c): Maglev consistent hashing. Each server gets a permutation of the lookup table's slots from two
/// keyed hashes of its address and port, and the servers fill their preferred free slots in turn, as many per round as
/// their weight over the gcd (shifted down to 6 bits); a connection takes the slot its source address hashes to (and
/// its source port with <c>mh-port</c>). A slot whose server has weight 0 fails the connection unless <c>mh-fallback</c>
/// asks to probe further slots.
/// </summary>
/// <remarks>
/// A server keeps its slots while its weight is 0, as the kernel fills the table from each server's last non-zero weight
/// (dest->last_weight); one that joins with weight 0 takes none.
/// </remarks>
public sealed class MaglevScheduler : IScheduler
{
    /// <summary>The kernel's default table size: primes[CONFIG_IP_VS_MH_TAB_INDEX − 8] with the index at its default 12.</summary>
    public const int DefaultTableSize = 4093;

    private const ulong Key1 = 2654435761;
    private const ulong Key2 = 2654446892;
    private const int TableBits = 6;
    private static readonly int[] Primes = [251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071];

    private readonly HashOptions _options;
    private readonly int _size;
    private readonly Lock _gate = new();
    private Dictionary<RealServerKey, int> _lastWeights = [];
    private Table? _table;

    /// <summary>Creates the scheduler; <paramref name="tableSize"/> is one of the kernel's primes, 251 to 131071.</summary>
    public MaglevScheduler(HashOptions options, int tableSize = DefaultTableSize)
    {
        if (Array.IndexOf(Primes, tableSize) < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tableSize), tableSize, $"the Maglev table size is one of {string.Join(", ", Primes)}");
        }

        _options = options;
        _size = tableSize;
    }

    /// <inheritdoc />
    public SchedulerBackend? Pick(IReadOnlyList<SchedulerBackend> backends, in FlowKey flow)
    {
        var table = Volatile.Read(ref _table);
        if (table is null || !ReferenceEquals(table.Source, backends))
        {
            table = Rebuild(backends);
        }

        var lookup = table.Lookup;
        var port = _options.IncludePort ? (uint)flow.SourcePort : 0u;
        var fold = SchedulerMath.Fold(flow.Source);
        var ihash = Slot(fold, port, Key1, 0);
        var dest = lookup[ihash];
        if (dest is null || dest.Weight > 0 || !_options.Fallback)
        {
            return dest is { Weight: > 0 } ? dest : null;
        }

        for (var offset = 0u; offset < (uint)_size; offset++)
        {
            var roffset = (offset + ihash) % (uint)_size;
            dest = lookup[Slot(fold, port, Key1, roffset)];
            if (dest is null)
            {
                break;
            }

            if (dest.Weight > 0)
            {
                return dest;
            }
        }

        return null;
    }

    private static uint Hash(uint fold, uint port, ulong key, uint offset) =>
        KernelHsipHash.Hash(unchecked(offset + port + fold), key);

    private static uint HashServer(IPAddress address, int port, ulong key) =>
        Hash(SchedulerMath.Fold(address), (uint)port, key, 0);

    private uint Slot(uint fold, uint port, ulong key, uint offset) => Hash(fold, port, key, offset) % (uint)_size;

    private Table Rebuild(IReadOnlyList<SchedulerBackend> backends)
    {
        lock (_gate)
        {
            var table = _table;
            if (table is not null && ReferenceEquals(table.Source, backends))
            {
                return table;
            }

            var weights = LastWeights(backends);
            table = new Table(backends, Populate(backends, weights));
            Volatile.Write(ref _table, table);
            return table;
        }
    }

    private int[] LastWeights(IReadOnlyList<SchedulerBackend> backends)
    {
        var next = new Dictionary<RealServerKey, int>(backends.Count);
        var weights = new int[backends.Count];
        for (var i = 0; i < backends.Count; i++)
        {
            var dest = backends[i];
            var weight = dest.Weight == 0 && _lastWeights.TryGetValue(dest.Server, out var last) ? last : dest.Weight;
            next[dest.Server] = weight;
            weights[i] = weight;
        }

        _lastWeights = next;
        return weights;
    }

    private SchedulerBackend?[] Populate(IReadOnlyList<SchedulerBackend> backends, int[] weights)
    {
        var lookup = new SchedulerBackend?[_size];
        var gcd = 0;
        var max = 0;
        foreach (var w in weights)
        {
            if (w > 0)
            {
                gcd = gcd > 0 ? SchedulerMath.Gcd(w, gcd) : w;
            }

            max = Math.Max(max, w);
        }

        if (gcd < 1)
        {
            return lookup;
        }

        var shift = Math.Max(0, (32 - BitOperations.LeadingZeroCount((uint)(max / gcd))) - TableBits);
        var count = backends.Count;
        var perm = new uint[count];
        var skip = new uint[count];
        var turns = new int[count];
        for (var i = 0; i < count; i++)
        {
            var dest = backends[i];
            perm[i] = HashServer(dest.Server.Address, dest.Server.Port, Key1) % (uint)_size;
            skip[i] = (HashServer(dest.Server.Address, dest.Server.Port, Key2) % (uint)(_size - 1)) + 1;
            var t = (weights[i] / gcd) >> shift;
            turns[i] = t != 0 ? t : weights[i] != 0 ? 1 : 0;
        }

        var taken = new bool[_size];
        var n = 0;
        var dealt = 0;
        var p = count;
        while (true)
        {
            if (p == count)
            {
                p = 0;
            }

            while (p < count)
            {
                if (turns[p] < 1)
                {
                    p++;
                    continue;
                }

                var c = perm[p];
                while (taken[c])
                {
                    perm[p] += skip[p];
                    if (perm[p] >= (uint)_size)
                    {
                        perm[p] -= (uint)_size;
                    }

                    c = perm[p];
                }

                taken[c] = true;
                lookup[c] = backends[p];
                if (++n == _size)
                {
                    return lookup;
                }

                if (++dealt >= turns[p])
                {
                    dealt = 0;
                    p++;
                }
            }
        }
    }

    private sealed record Table(IReadOnlyList<SchedulerBackend> Source, SchedulerBackend?[] Lookup);
}
