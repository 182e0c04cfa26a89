using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;

namespace Vigil.Ipvs.Bench;

/// <summary>A plane that accepts everything and programs nothing: what is left is the control plane's own cost.</summary>
internal sealed class NoopDataPlane : IDataPlane
{
    public string Name => "noop";

    public string? Unsupported(VirtualServerDefinition service) => null;

    public Task ApplyAsync(IReadOnlyList<ServicePlan> desired, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<BackendCounters>> ReadCountersAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<BackendCounters>>([]);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
