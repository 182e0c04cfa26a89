namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>
/// The 256-bucket table of <c>sh</c> and <c>dh</c>, built for one backend list and replaced, never changed, when the list
/// changes, so lookups read it without a lock.
/// </summary>
internal sealed class BucketTable
{
    /// <summary>Buckets: 1 &lt;&lt; 8, as CONFIG_IP_VS_SH_TAB_BITS and CONFIG_IP_VS_DH_TAB_BITS default.</summary>
    public const int Bits = 8;

    /// <summary>How many buckets.</summary>
    public const int Size = 1 << Bits;

    private BucketTable(IReadOnlyList<SchedulerBackend> source, SchedulerBackend?[] buckets)
    {
        Source = source;
        Buckets = buckets;
    }

    /// <summary>The list the table was built from.</summary>
    public IReadOnlyList<SchedulerBackend> Source { get; }

    /// <summary>The server of each bucket (null only when the list was empty).</summary>
    public SchedulerBackend?[] Buckets { get; }

    /// <summary>
    /// Deals the buckets out in list order; with <paramref name="byWeight"/> each server keeps consecutive buckets up to its
    /// weight (ip_vs_sh_reassign, where a weight-0 server still takes one), else one bucket each (ip_vs_dh_reassign).
    /// </summary>
    public static BucketTable Build(IReadOnlyList<SchedulerBackend> backends, bool byWeight)
    {
        var buckets = new SchedulerBackend?[Size];
        var count = backends.Count;
        if (count > 0)
        {
            var p = 0;
            var dealt = 0;
            for (var i = 0; i < Size; i++)
            {
                if (p == count)
                {
                    p = 0;
                }

                var dest = backends[p];
                buckets[i] = dest;
                if (!byWeight || ++dealt >= dest.Weight)
                {
                    p++;
                    dealt = 0;
                }
            }
        }

        return new BucketTable(backends, buckets);
    }
}
