using System.Globalization;
using Autofac;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;

namespace Vigil.TestPlugins.GcPressure;

/// <summary>
/// A test and benchmark plugin, never shipped: while started, a background thread allocates garbage inside the daemon
/// at <c>Modules:gcpressure:MBps</c> MB/s, so the process's own GC is busy while another module (VRRP) keeps its timers
/// (TimingUnderPressureTests, bench/loaded-timing.sh GC_PRESSURE=1). At stop it logs what it allocated and the
/// collections of each generation.
/// </summary>
public sealed class GcPressureModule : IClusterModule
{
    private int _megabytesPerSecond;
    private GcPressure? _pressure;

    public string Name => "gcpressure";

    public IReadOnlyCollection<string> Sections => [];

    public IReadOnlyCollection<string> GlobalKeys => [];

    public void Register(ContainerBuilder builder, ModuleContext context) =>
        _megabytesPerSecond = int.TryParse(context.Settings["MBps"], NumberStyles.None, CultureInfo.InvariantCulture, out var rate) ? rate : 0;

    public Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        // Enabling the module is asking for pressure: a missing or zero rate is a mistake, not a quiet no-op.
        if (_megabytesPerSecond <= 0)
        {
            throw new InvalidOperationException("Modules:gcpressure:MBps must be a whole number of MB/s above 0");
        }

        _pressure = GcPressure.Start(_megabytesPerSecond, services.Resolve<ILogger<GcPressureModule>>());
        return Task.CompletedTask;
    }

    public Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _pressure?.Dispose();
        _pressure = null;
        return Task.CompletedTask;
    }
}
