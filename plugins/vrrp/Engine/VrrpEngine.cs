using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.Processes;
using Vigil.Abstractions.State;
using Vigil.Linux;
using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Os;
using Vigil.Plugins.Vrrp.Protocol;
using Vigil.Plugins.Vrrp.Tracking;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>
/// Runs the configured VRRP instances: one <see cref="GroupRunner"/> thread per sync group or standalone instance, a
/// shared tracker hub, and the reload rule "unchanged units keep running untouched, changed ones restart, removed ones
/// stop, new ones start".
/// </summary>
internal sealed partial class VrrpEngine : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(3);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (EngineUnit Unit, GroupRunner Runner)> _runners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<FailedInstance>> _failed = new(StringComparer.Ordinal);
    private readonly IVrrpPlatform _platform;
    private readonly TimeProvider _time;
    private readonly IEventBus _bus;
    private readonly IClusterState _state;
    private readonly IScriptRunner _scripts;
    private readonly VrrpMetrics _metrics;
    private readonly ILogger<VrrpEngine> _logger;
    private EngineServices? _services;
    private TrackerHub? _hub;

    public VrrpEngine(IVrrpPlatform platform, TimeProvider time, IEventBus bus, IClusterState state, IScriptRunner scripts, VrrpMetrics metrics, ILogger<VrrpEngine> logger)
    {
        _platform = platform;
        _time = time;
        _bus = bus;
        _state = state;
        _scripts = scripts;
        _metrics = metrics;
        _logger = logger;
        metrics.Observe(() => Instances);
    }

    /// <summary>Every running instance, for status and metrics.</summary>
    public IReadOnlyList<InstanceContext> Instances
    {
        get
        {
            lock (_gate)
            {
                return [.. _runners.Values.SelectMany(r => r.Runner.Instances)];
            }
        }
    }

    /// <summary>Instances that could not start, shown in FAULT until a reload starts them.</summary>
    public IReadOnlyList<FailedInstance> FailedInstances
    {
        get
        {
            lock (_gate)
            {
                return [.. _failed.Values.SelectMany(f => f)];
            }
        }
    }

    /// <summary>Opens the shared adapters and starts every unit of <paramref name="configuration"/>.</summary>
    public async Task StartAsync(ClusterConfiguration configuration)
    {
        var netlink = _platform.OpenNetlink();
        _services = new EngineServices(_time, netlink, _platform.OpenGratuitous(), _bus, _state, _metrics, _logger);
        _hub = new TrackerHub(_scripts, _time, _platform, netlink, _state, _logger);
        _hub.Changed += Broadcast;
        await ApplyAsync(configuration).ConfigureAwait(false);
    }

    /// <summary>Applies a new configuration, touching only what changed.</summary>
    public Task ReloadAsync(ClusterConfiguration configuration) => ApplyAsync(configuration);

    /// <summary>Stops every unit (priority 0, addresses removed, VMACs deleted) and the trackers.</summary>
    public async Task StopAsync()
    {
        List<(EngineUnit Unit, GroupRunner Runner)> all;
        lock (_gate)
        {
            all = [.. _runners.Values];
        }

        await Task.WhenAll(all.Select(r => Task.Run(() => StopRunner(r.Runner)))).ConfigureAwait(false);
        lock (_gate)
        {
            _runners.Clear();
            _failed.Clear();
        }

        if (_hub is not null)
        {
            await _hub.DisposeAsync().ConfigureAwait(false);
            _hub = null;
        }
    }

    /// <summary>
    /// Asks every runner to shut down now (priority 0, addresses released) without waiting; <see cref="StopAsync"/>
    /// later waits for them. Safe from any thread, including a signal handler.
    /// </summary>
    public void BeginShutdown()
    {
        List<GroupRunner> runners;
        lock (_gate)
        {
            runners = [.. _runners.Values.Select(r => r.Runner)];
        }

        foreach (var runner in runners)
        {
            runner.Post(new ShutdownInput());
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _services?.Gratuitous.Dispose();
        _services?.Netlink.Dispose();
        _services = null;
    }

    private async Task ApplyAsync(ClusterConfiguration configuration)
    {
        var vrrp = VrrpConfigurationReader.Read(configuration, new ValidationReport(configuration.Locator));
        var units = EngineUnits.From(vrrp, configuration).ToDictionary(u => u.Key, StringComparer.Ordinal);
        List<GroupRunner> stale;
        lock (_gate)
        {
            stale = _runners.Where(r => !units.TryGetValue(r.Key, out var unit) || unit.Fingerprint != r.Value.Unit.Fingerprint)
                .Select(r => r.Value.Runner).ToList();
            foreach (var key in _runners.Where(r => stale.Contains(r.Value.Runner)).Select(r => r.Key).ToList())
            {
                _runners.Remove(key);
            }

            _failed.Clear();
        }

        await Task.WhenAll(stale.Select(r => Task.Run(() => StopRunner(r)))).ConfigureAwait(false);
        await _hub!.ApplyAsync(vrrp).ConfigureAwait(false);
        foreach (var unit in units.Values)
        {
            bool running;
            lock (_gate)
            {
                running = _runners.ContainsKey(unit.Key);
            }

            if (!running)
            {
                StartUnit(unit, vrrp);
            }
        }
    }

    private void StartUnit(EngineUnit unit, VrrpConfiguration vrrp)
    {
        var contexts = new List<InstanceContext>();
        try
        {
            foreach (var options in unit.Members)
            {
                contexts.Add(CreateInstance(options, vrrp));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OsException or SocketException or ArgumentException)
        {
            LogInstanceFailed(unit.Name, e.Message);
            foreach (var context in contexts)
            {
                context.Socket.Dispose();
                DeleteVmac(context);
            }

            Fault(unit, e.Message);
            return;
        }

        var runner = new GroupRunner(unit.Name, contexts, unit.SyncGroup, _services!);
        foreach (var update in _hub!.Current())
        {
            foreach (var context in contexts)
            {
                context.Tracking.Apply(update);
            }
        }

        lock (_gate)
        {
            _runners[unit.Key] = (unit, runner);
        }

        runner.StartThreads();
        LogInstanceStarted(unit.Name, string.Join(", ", contexts.Select(c => $"{c.Name} on {c.Link.Name} vrid {c.Options.VirtualRouterId}")));
    }

    /// <summary>Records the unit's members as FAULT and says so on the bus, so notify_fault runs as with keepalived.</summary>
    private void Fault(EngineUnit unit, string reason)
    {
        var now = _time.GetUtcNow();
        var failed = unit.Members.Select(m => new FailedInstance(m, $"cannot start: {reason}", now)).ToList();
        lock (_gate)
        {
            _failed[unit.Key] = failed;
        }

        foreach (var instance in failed)
        {
            _state.Set(
                StateKeys.VrrpInstance(instance.Options.Name),
                new VrrpInstanceStatus(instance.Options.Name, instance.Options.Interface, instance.Options.VirtualRouterId, VrrpState.Fault, instance.Options.Priority, 0)
                {
                    VirtualAddresses = instance.Options.VirtualAddresses.Select(a => a.Address).ToList(),
                },
                "vrrp");
            _bus.Publish(new VrrpStateChanged(
                instance.Options.Name,
                instance.Options.Interface,
                instance.Options.VirtualRouterId,
                VrrpState.Init,
                VrrpState.Fault,
                instance.Reason,
                instance.Options.Priority,
                0) { Source = "vrrp", Timestamp = now });
        }
    }

    private InstanceContext CreateInstance(VrrpInstanceOptions options, VrrpConfiguration vrrp)
    {
        var link = InstanceLinkResolver.Resolve(options, _services!.Netlink, _platform);
        var global = vrrp.Global;
        var socket = _platform.OpenSocket(new VrrpSocketOptions
        {
            InterfaceName = options.VmacXmitBase ? link.BaseName : link.Name,
            Family = options.IsIpv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork,
            MulticastGroup = options.IsIpv6 ? global.McastGroup6 : global.McastGroup4,
            Unicast = options.UnicastPeers.Count > 0,
            SourceAddress = link.SourceAddress,
            AuthenticationHeader = options.Authentication?.Type == VrrpAuthType.Ah && options.Version == 2,
        });
        var tracking = InstanceTracking.For(options, vrrp);
        return new InstanceContext(options, global, link, socket, tracking);
    }

    private void StopRunner(GroupRunner runner)
    {
        runner.Stop(StopTimeout);
        runner.Dispose();
        foreach (var instance in runner.Instances)
        {
            DeleteVmac(instance);
        }

        LogInstanceStopped(runner.Name);
    }

    private void DeleteVmac(InstanceContext instance)
    {
        if (instance.Link.VmacIndex is { } index)
        {
            try
            {
                _services!.Netlink.DeleteLink(index);
            }
            catch (OsException e)
            {
                LogVmacFailed(instance.Link.Name, e.Message);
            }
        }
    }

    private void Broadcast(TrackUpdate update)
    {
        List<GroupRunner> runners;
        lock (_gate)
        {
            runners = [.. _runners.Values.Select(r => r.Runner)];
        }

        foreach (var runner in runners)
        {
            runner.Post(new TrackInput(update));
        }
    }
}
