namespace Vigil.Plugins.Notify.Delivery;

/// <summary>Totals and the most recent failures, for <c>vigil status</c>.</summary>
internal sealed class DeliveryLedger
{
    private readonly object _gate = new();
    private readonly LinkedList<DeliveryFailure> _failures = new();
    private long _delivered;
    private long _failed;
    private long _suppressed;

    /// <summary>How many failures are kept. Defaults to 20.</summary>
    public int Capacity { get; set; } = 20;

    public long Delivered => Interlocked.Read(ref _delivered);

    public long Failed => Interlocked.Read(ref _failed);

    public long Suppressed => Interlocked.Read(ref _suppressed);

    public void RecordSuccess() => Interlocked.Increment(ref _delivered);

    public void RecordSuppressed() => Interlocked.Increment(ref _suppressed);

    public void RecordFailure(DeliveryFailure failure)
    {
        Interlocked.Increment(ref _failed);
        lock (_gate)
        {
            _failures.AddFirst(failure);
            while (_failures.Count > Math.Max(1, Capacity))
            {
                _failures.RemoveLast();
            }
        }
    }

    /// <summary>The most recent failures, newest first.</summary>
    public IReadOnlyList<DeliveryFailure> RecentFailures()
    {
        lock (_gate)
        {
            return _failures.ToList();
        }
    }
}
