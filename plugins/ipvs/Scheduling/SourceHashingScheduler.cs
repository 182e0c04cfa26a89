using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// <c>sh</c> (ip_vs_sh.c): the bucket hash_32(source port + source address) of a 256-bucket table dealt out by weight.
/// The port counts only with <c>sh-port</c>. A bucket whose server has weight 0 fails the connection, unless
/// <c>sh-fallback</c> asks to probe further buckets (ip_vs_sh_get_fallback).
/// </summary>
public sealed class SourceHashingScheduler(HashOptions options) : IScheduler
{
    private readonly Lock _gate = new();
    private BucketTable? _table;

    /// <inheritdoc />
    public SchedulerBackend? Pick(IReadOnlyList<SchedulerBackend> backends, in FlowKey flow)
    {
        var table = Volatile.Read(ref _table);
        if (table is null || !ReferenceEquals(table.Source, backends))
        {
            table = Rebuild(backends);
        }

        var port = options.IncludePort ? (uint)flow.SourcePort : 0u;
        var value = unchecked(port + SchedulerMath.Fold(flow.Source));
        var buckets = table.Buckets;
        var ihash = Bucket(value, 0);
        var dest = buckets[ihash];
        if (dest is null || dest.Weight > 0 || !options.Fallback)
        {
            return dest is { Weight: > 0 } ? dest : null;
        }

        for (var offset = 0u; offset < BucketTable.Size; offset++)
        {
            var roffset = (offset + ihash) % BucketTable.Size;
            dest = buckets[Bucket(value, roffset)];
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

    private static uint Bucket(uint value, uint offset) =>
        (offset + SchedulerMath.Hash32(value, BucketTable.Bits)) & (BucketTable.Size - 1);

    private BucketTable Rebuild(IReadOnlyList<SchedulerBackend> backends)
    {
        lock (_gate)
        {
            var table = _table;
            if (table is null || !ReferenceEquals(table.Source, backends))
            {
                table = BucketTable.Build(backends, byWeight: true);
                Volatile.Write(ref _table, table);
            }

            return table;
        }
    }
}
