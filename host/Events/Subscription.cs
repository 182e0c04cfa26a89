using System.Threading.Channels;
using Vigil.Abstractions.Events;

namespace Vigil.Host.Events;

/// <summary>One subscriber's bounded queue and the task that drains it in order.</summary>
internal sealed class Subscription : IDisposable
{
    private readonly Channel<ClusterEvent> _queue;
    private readonly Type _eventType;
    private readonly Func<ClusterEvent, CancellationToken, Task> _handler;
    private readonly Action<Subscription, ClusterEvent, Exception> _onFailure;
    private readonly Action<Subscription> _onDispose;
    private readonly CancellationToken _stopping;
    private int _pendingDrop;
    private long _accepted;
    private long _settled;

    public Subscription(
        string name,
        Type eventType,
        Func<ClusterEvent, CancellationToken, Task> handler,
        SubscriptionOptions options,
        Action<Subscription, ClusterEvent, Exception> onFailure,
        Action<Subscription> onDispose,
        CancellationToken stopping)
    {
        if (options.Capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "a subscription's capacity must be at least 1");
        }

        Name = name;
        Options = options;
        _eventType = eventType;
        _handler = handler;
        _onFailure = onFailure;
        _onDispose = onDispose;
        _stopping = stopping;
        _queue = Channel.CreateBounded<ClusterEvent>(
            new BoundedChannelOptions(options.Capacity)
            {
                SingleReader = true,
                FullMode = options.Overflow == OverflowPolicy.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.DropWrite,
            },
            _ =>
            {
                Interlocked.Exchange(ref _pendingDrop, 1);
                Interlocked.Increment(ref _settled);
            });
        Completion = Task.Run(PumpAsync, CancellationToken.None);
    }

    public string Name { get; }

    public SubscriptionOptions Options { get; }

    public Task Completion { get; }

    public bool Accepts(ClusterEvent evt) => _eventType.IsInstanceOfType(evt);

    /// <summary>Queues <paramref name="evt"/>; false when the queue was full and an event was dropped.</summary>
    public bool TryEnqueue(ClusterEvent evt)
    {
        // A full bounded channel still accepts the write in both drop modes and reports the victim through
        // the itemDropped callback, which is how a drop is detected here.
        Interlocked.Increment(ref _accepted);
        if (!_queue.Writer.TryWrite(evt))
        {
            Interlocked.Increment(ref _settled);
        }

        return Interlocked.Exchange(ref _pendingDrop, 0) == 0;
    }

    /// <summary>Events accepted so far; <see cref="IsSettled"/> tells when all of them were handled or dropped.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>True once every event up to <paramref name="accepted"/> was handled (or dropped).</summary>
    public bool IsSettled(long accepted) => Interlocked.Read(ref _settled) >= accepted || Completion.IsCompleted;

    public void Complete() => _queue.Writer.TryComplete();

    public void Dispose()
    {
        Complete();
        _onDispose(this);
    }

    private async Task PumpAsync()
    {
        try
        {
            await foreach (var evt in _queue.Reader.ReadAllAsync(_stopping).ConfigureAwait(false))
            {
                try
                {
                    await _handler(evt, _stopping).ConfigureAwait(false);
                }
                catch (Exception error) when (!_stopping.IsCancellationRequested)
                {
                    _onFailure(this, evt, error);
                }
                finally
                {
                    Interlocked.Increment(ref _settled);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The host is stopping and gave up waiting for this subscriber.
        }
    }
}
