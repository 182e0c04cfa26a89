using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Abstractions.State;
using Vigil.Host.Events;
using Vigil.Host.Metrics;
using Vigil.Host.State;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;
using Vigil.Plugins.Ipvs.DataPlanes.Nftables;
using Vigil.Plugins.Ipvs.Engine;

namespace Vigil.Ipvs.Bench;

/// <summary>
/// One measured run in this process: the real controller over the host's real state store and event bus, forwarding
/// through <paramref name="plane"/>, warmed up on a small table, then measured on the full one.
/// </summary>
/// <remarks>
/// Reloads are measured before any real server has a health entry: a health entry's weight outranks the configured one,
/// so only then does a reload's new weight reach the plane. Health changes are measured afterwards with a health entry
/// for every real server, as a running daemon has.
/// </remarks>
internal sealed class ControlPlaneRun(string planeName, BenchOptions options)
{
    private const string Source = "bench";
    private const int WarmUpRounds = 3;
    private const int WarmUpChanges = 20;

    /// <summary>Full reloads run before the measured ones (not timed into the results).</summary>
    public const int WarmUpReloads = 3;
    private static readonly TimeSpan ApplyTimeout = TimeSpan.FromSeconds(10);

    private int _anomalies;

    public async Task<RunResult> RunAsync()
    {
        using var meter = new HostMeter();
        using var state = new ClusterStateStore(NullLogger<ClusterStateStore>.Instance, TimeProvider.System, meter);
        await using var bus = new EventBus(NullLogger<EventBus>.Instance, TimeProvider.System, meter);
        var plane = new TimedDataPlane(CreatePlane());
        var controller = new VirtualServerController(state, bus, NullLogger<VirtualServerController>.Instance);
        try
        {
            await WarmUpAsync(controller, state, plane);
            var baseline = MemorySample.Take();

            var full = Topology.Full(0);
            var initial = await TimeReloadAsync(controller, plane, full);
            var table = MemorySample.Take().Minus(baseline);

            var generation = 0;
            for (var i = 0; i < WarmUpReloads; i++)
            {
                full = Topology.Full(++generation);
                await TimeReloadAsync(controller, plane, full);
            }

            var reloads = new List<double>(options.Reloads);
            var reloadCpu = new List<double>(options.Reloads);
            for (var i = 0; i < options.Reloads; i++)
            {
                full = Topology.Full(++generation);
                var cpu = Environment.CpuUsage.TotalTime;
                reloads.Add(await TimeReloadAsync(controller, plane, full));
                reloadCpu.Add((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
            }

            var reloaded = MemorySample.Take().Minus(baseline);
            await ReportEveryServerUpAsync(state, full);
            var withHealth = MemorySample.Take().Minus(baseline);

            var changes = new List<double>(options.Changes);
            var changeCpu = new List<double>(options.Changes);
            for (var k = 0; k < WarmUpChanges + options.Changes; k++)
            {
                var (ms, cpu) = await TimeChangeAsync(state, plane, full, Topology.RealServers, k);
                if (k >= WarmUpChanges)
                {
                    changes.Add(ms);
                    changeCpu.Add(cpu);
                }
            }

            if (options.Dump is { } dump && plane.Name == "nftables")
            {
                await File.WriteAllTextAsync(dump, await NftCommand.RunAsync("list", "table", "inet", NftablesRenderer.Table));
            }

            return new RunResult
            {
                Plane = plane.Name,
                InitialApplyMs = initial,
                ChangeMs = changes,
                ChangeCpuMs = changeCpu,
                ReloadMs = reloads,
                ReloadCpuMs = reloadCpu,
                TableDelta = table,
                ReloadedDelta = reloaded,
                WithHealthDelta = withHealth,
                Anomalies = _anomalies,
            };
        }
        finally
        {
            await controller.DisposeAsync();
        }
    }

    private IDataPlane CreatePlane()
    {
        if (planeName == "noop")
        {
            return new NoopDataPlane();
        }

        var provider = new NftablesDataPlaneProvider();
        if (provider.Unavailable() is { } why)
        {
            throw new InvalidOperationException($"the nftables plane is not available here: {why}");
        }

        return provider.Create();
    }

    // Runs every measured path on a small table until the runtime has compiled it at its final tier, then leaves
    // the controller empty: the baseline holds the runtime, the code and the empty store, not the table.
    private async Task WarmUpAsync(VirtualServerController controller, ClusterStateStore state, TimedDataPlane plane)
    {
        var table = Topology.WarmUp(0);
        var started = plane.NextApply();
        await controller.StartAsync(table, plane, CancellationToken.None);
        await started.WaitAsync(ApplyTimeout);
        for (var round = 0; round < WarmUpRounds; round++)
        {
            for (var i = 0; i < 40; i++)
            {
                table = Topology.WarmUp(round * 40 + i + 1);
                await TimeReloadAsync(controller, plane, table);
                await TimeChangeAsync(state, plane, table, Topology.ServersPerService, i);
                if (i % 2 == 1)
                {
                    // Back to "not checked yet": a health entry would pin the weight the next reload changes.
                    var (service, server, _) = Target(table, Topology.ServersPerService, i);
                    state.Remove(StateKeys.RealServerHealth(service.Key, server.Key));
                }
            }

            await Task.Delay(300);
        }

        await controller.ReloadAsync(VirtualServerTable.Empty, CancellationToken.None);
    }

    private async Task<double> TimeReloadAsync(VirtualServerController controller, TimedDataPlane plane, VirtualServerTable table)
    {
        var before = plane.Applies;
        var start = Stopwatch.GetTimestamp();
        await controller.ReloadAsync(table, CancellationToken.None);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (plane.Applies != before + 1 || plane.LastServices != table.VirtualServers.Count)
        {
            _anomalies++;
        }

        return elapsed;
    }

    // Change k takes one real server down (even k) or back up (odd k); consecutive pairs pick servers 37 apart, so
    // the changes spread over every service.
    private static (VirtualServerDefinition Service, RealServerDefinition Server, bool Up) Target(VirtualServerTable table, int servers, int k)
    {
        var (service, server) = Topology.At(table, k / 2 * 37 % servers);
        return (service, server, k % 2 == 1);
    }

    // Also the CPU time the whole process spent until the apply returned: on a busy machine it varies far less than
    // the wall time, which includes waiting for a core.
    private async Task<(double Ms, double CpuMs)> TimeChangeAsync(ClusterStateStore state, TimedDataPlane plane, VirtualServerTable table, int servers, int k)
    {
        var (service, server, up) = Target(table, servers, k);
        var health = new RealServerHealth(service.Key, server.Key, up, server.Weight, "HTTP_GET", up ? "status 200" : "connect timeout");
        var before = plane.Applies;
        var applied = plane.NextApply();
        var cpu = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        state.Set(StateKeys.RealServerHealth(service.Key, server.Key), health, Source);
        var returned = await applied.WaitAsync(ApplyTimeout);
        var elapsed = Stopwatch.GetElapsedTime(start, returned).TotalMilliseconds;
        var cpuMs = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
        await Task.Delay(options.GapMs);
        if (plane.Applies != before + 1)
        {
            _anomalies++;
        }

        return (elapsed, cpuMs);
    }

    // Every real server reported up at its configured weight, as the checkers do after start: the plan stays the
    // same, so nothing reaches the plane, but the state now holds what a running daemon's does.
    private async Task ReportEveryServerUpAsync(ClusterStateStore state, VirtualServerTable table)
    {
        foreach (var service in table.VirtualServers)
        {
            foreach (var server in service.RealServers)
            {
                state.Set(StateKeys.RealServerHealth(service.Key, server.Key), new RealServerHealth(service.Key, server.Key, true, server.Weight, "HTTP_GET", "status 200"), Source);
            }
        }

        await Task.Delay(500);
    }
}
