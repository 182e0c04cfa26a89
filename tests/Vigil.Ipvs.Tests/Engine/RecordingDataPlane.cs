using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;

namespace Vigil.Ipvs.Tests.Engine;

/// <summary>A data plane that records what it is told, for the controller's unit tests; it can be told to refuse.</summary>
internal sealed class RecordingDataPlane : IDataPlane
{
    private readonly Lock _gate = new();
    private readonly List<IReadOnlyList<ServicePlan>> _applied = [];

    public string Name => "recording";

    public bool Refuse { get; set; }

    public bool Disposed { get; private set; }

    public IReadOnlyList<BackendCounters> Counters { get; set; } = [];

    public IReadOnlyList<IReadOnlyList<ServicePlan>> Applied
    {
        get
        {
            lock (_gate)
            {
                return [.. _applied];
            }
        }
    }

    public string? Unsupported(VirtualServerDefinition service) =>
        service.Method == ForwardingMethod.Tunnel ? "lb_kind TUN is not supported here" : null;

    public Task ApplyAsync(IReadOnlyList<ServicePlan> desired, CancellationToken cancellationToken)
    {
        if (Refuse)
        {
            throw new DataPlaneException("refused for the test");
        }

        lock (_gate)
        {
            _applied.Add(desired);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<BackendCounters>> ReadCountersAsync(CancellationToken cancellationToken) => Task.FromResult(Counters);

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
