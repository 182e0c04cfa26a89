using Vigil.Abstractions.Events;

namespace Vigil.Checkers.Tests.Support;

/// <summary>An event bus that keeps what is published, for unit tests.</summary>
internal sealed class RecordingBus : IEventBus
{
    private readonly Lock _gate = new();
    private readonly List<ClusterEvent> _events = [];

    public IReadOnlyList<RealServerStateChanged> Changes
    {
        get
        {
            lock (_gate)
            {
                return _events.OfType<RealServerStateChanged>().ToList();
            }
        }
    }

    public void Publish(ClusterEvent evt)
    {
        lock (_gate)
        {
            _events.Add(evt);
        }
    }

    public IDisposable Subscribe<T>(string subscriber, Func<T, CancellationToken, Task> handler, SubscriptionOptions? options = null)
        where T : ClusterEvent => throw new NotSupportedException("the engine publishes only");
}
