namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// <c>dh</c> (ip_vs_dh.c): the bucket hash_32(destination address) of a 256-bucket table dealt out one bucket per server
/// in turn; a bucket whose server has weight 0 fails the connection.
/// </summary>
public sealed class DestinationHashingScheduler : IScheduler
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

        var dest = table.Buckets[SchedulerMath.Hash32(SchedulerMath.Fold(flow.Destination), BucketTable.Bits)];
        return dest is { Weight: > 0 } ? dest : null;
    }

    private BucketTable Rebuild(IReadOnlyList<SchedulerBackend> backends)
    {
        lock (_gate)
        {
            var table = _table;
            if (table is null || !ReferenceEquals(table.Source, backends))
            {
                table = BucketTable.Build(backends, byWeight: false);
                Volatile.Write(ref _table, table);
            }

            return table;
        }
    }
}
