using System.Threading.Tasks.Sources;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>
/// One direction's "the descriptor became ready" for an edge-triggered epoll registration, awaited without allocation.
/// An edge that arrives before anyone waits is kept, so <see cref="WaitAsync"/> after an EAGAIN never misses it.
/// </summary>
internal sealed class ReadinessSignal : IValueTaskSource
{
    private readonly Lock _gate = new();
    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private bool _pending;
    private bool _waiting;

    /// <summary>Forgets an earlier edge; call before the operation whose EAGAIN will be waited on.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _pending = false;
        }
    }

    /// <summary>The descriptor became ready (the reactor thread).</summary>
    public void Set()
    {
        lock (_gate)
        {
            if (!_waiting)
            {
                _pending = true;
                return;
            }

            _waiting = false;
        }

        _core.SetResult(true);
    }

    /// <summary>Completes when the descriptor becomes ready, at once if it did since the last <see cref="Reset"/>.</summary>
    public ValueTask WaitAsync()
    {
        lock (_gate)
        {
            if (_pending)
            {
                _pending = false;
                return ValueTask.CompletedTask;
            }

            _core.Reset();
            _waiting = true;
            return new ValueTask(this, _core.Version);
        }
    }

    /// <inheritdoc />
    public void GetResult(short token) => _core.GetResult(token);

    /// <inheritdoc />
    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    /// <inheritdoc />
    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
