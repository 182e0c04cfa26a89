using System.Collections.Concurrent;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>Per-instance packet counters, written by the engine thread and read by status.</summary>
internal sealed class InstanceCounters
{
    private long _sent;
    private long _received;

    /// <summary>Advertisements sent.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Advertisements accepted.</summary>
    public long Received => Interlocked.Read(ref _received);

    /// <summary>Rejected packets by metric reason name.</summary>
    public ConcurrentDictionary<string, long> Rejected { get; } = new(StringComparer.Ordinal);

    /// <summary>Counts a sent advertisement.</summary>
    public void CountSent() => Interlocked.Increment(ref _sent);

    /// <summary>Counts an accepted advertisement.</summary>
    public void CountReceived() => Interlocked.Increment(ref _received);

    /// <summary>Counts a rejected packet.</summary>
    public void CountRejected(string reason) => Rejected.AddOrUpdate(reason, 1, (_, n) => n + 1);
}
