namespace Vigil.Ipvs.Bench;

/// <summary>The managed heap after a full collection, the memory the GC holds and the process's resident set, at one moment.</summary>
/// <param name="ManagedBytes">GC.GetTotalMemory after a forced, compacting full collection: live managed objects.</param>
/// <param name="GcCommittedBytes">Memory the GC has committed (live objects, free space, its own structures).</param>
/// <param name="RssBytes">VmRSS of /proc/self/status: with the above, code and native memory (libnftables').</param>
internal sealed record MemorySample(long ManagedBytes, long GcCommittedBytes, long RssBytes)
{
    public static MemorySample Take()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        return new MemorySample(managed, GC.GetGCMemoryInfo(GCKind.FullBlocking).TotalCommittedBytes, ReadRss());
    }

    public MemorySample Minus(MemorySample baseline) =>
        new(ManagedBytes - baseline.ManagedBytes, GcCommittedBytes - baseline.GcCommittedBytes, RssBytes - baseline.RssBytes);

    private static long ReadRss()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("/proc/self/status has no VmRSS");
    }
}
