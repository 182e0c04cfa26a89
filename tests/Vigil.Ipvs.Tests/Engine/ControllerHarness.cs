using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Host.Metrics;
using Vigil.Host.State;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.Engine;

namespace Vigil.Ipvs.Tests.Engine;

/// <summary>A controller over the host's real state store, a recording plane and a recording bus.</summary>
internal sealed class ControllerHarness : IAsyncDisposable
{
    private readonly HostMeter _meter = new();

    public ControllerHarness()
    {
        State = new ClusterStateStore(NullLogger<ClusterStateStore>.Instance, TimeProvider.System, _meter);
        Controller = new VirtualServerController(State, Bus, NullLogger<VirtualServerController>.Instance);
    }

    public ClusterStateStore State { get; }

    public RecordingBus Bus { get; } = new();

    public RecordingDataPlane Plane { get; } = new();

    public VirtualServerController Controller { get; }

    public Task StartAsync(params VirtualServerDefinition[] services) =>
        Controller.StartAsync(new VirtualServerTable(services, DataPlaneChoice.Auto), Plane, CancellationToken.None);

    public static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Controller.DisposeAsync();
        State.Dispose();
        _meter.Dispose();
    }
}
