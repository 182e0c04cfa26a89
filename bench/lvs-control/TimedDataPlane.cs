using System.Diagnostics;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;

namespace Vigil.Ipvs.Bench;

/// <summary>
/// Wraps the plane under test and stamps the moment each <see cref="ApplyAsync"/> returned, so the benchmark can time
/// a state write to the plane's completion without polling.
/// </summary>
internal sealed class TimedDataPlane : IDataPlane
{
    private readonly IDataPlane _inner;
    private readonly Lock _gate = new();
    private TaskCompletionSource<long> _next = NewSignal();

    public TimedDataPlane(IDataPlane inner) => _inner = inner;

    public string Name => _inner.Name;

    /// <summary>Applies that returned.</summary>
    public int Applies { get; private set; }

    /// <summary>Services in the last apply.</summary>
    public int LastServices { get; private set; }

    /// <summary>
    /// Completes with the <see cref="Stopwatch"/> timestamp at which the next apply, counted from now, returned. Call it
    /// before causing the change.
    /// </summary>
    public Task<long> NextApply()
    {
        lock (_gate)
        {
            if (_next.Task.IsCompleted)
            {
                _next = NewSignal();
            }

            return _next.Task;
        }
    }

    public string? Unsupported(VirtualServerDefinition service) => _inner.Unsupported(service);

    public async Task ApplyAsync(IReadOnlyList<ServicePlan> desired, CancellationToken cancellationToken)
    {
        await _inner.ApplyAsync(desired, cancellationToken).ConfigureAwait(false);
        var returned = Stopwatch.GetTimestamp();
        TaskCompletionSource<long> signal;
        lock (_gate)
        {
            Applies++;
            LastServices = desired.Count;
            signal = _next;
        }

        signal.TrySetResult(returned);
    }

    public Task<IReadOnlyList<BackendCounters>> ReadCountersAsync(CancellationToken cancellationToken) => _inner.ReadCountersAsync(cancellationToken);

    public ValueTask DisposeAsync() => _inner.DisposeAsync();

    // Continuations run off the controller's thread, so the waiter never adds to the controller's time.
    private static TaskCompletionSource<long> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
