using Autofac;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;
using Vigil.Abstractions.Operations;
using Vigil.Abstractions.Status;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;
using Vigil.Plugins.Ipvs.DataPlanes.Ipvs;
using Vigil.Plugins.Ipvs.DataPlanes.Nftables;
using Vigil.Plugins.Ipvs.DataPlanes.Userspace;
using Vigil.Plugins.Ipvs.Engine;
using Vigil.Plugins.Ipvs.Operations;
using Vigil.Plugins.Ipvs.Status;

namespace Vigil.Plugins.Ipvs;

/// <summary>
/// The virtual-server plugin: keepalived's <c>virtual_server</c> and <c>virtual_server_group</c> sections, programmed
/// into the data plane <c>data_plane</c> names (nftables, kernel IPVS or the user-space forwarder) from the health the
/// checkers put in the shared state, the operators' drains and the VRRP state.
/// </summary>
public sealed class IpvsModule : IClusterModule
{
    private ILifetimeScope? _services;
    private VirtualServerController? _controller;
    private CounterPoller? _poller;

    /// <inheritdoc />
    public string Name => "ipvs";

    /// <inheritdoc />
    public ModuleRoles Roles => ModuleRoles.VirtualServers;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Sections { get; } = ["virtual_server", "virtual_server_group"];

    /// <inheritdoc />
    /// <remarks>
    /// keepalived's <c>lvs_*</c> and <c>nftables_ipvs*</c> keys are accepted so its files load unchanged: the planes
    /// here have their own timeouts and flush their own table; <c>lvs_sync_daemon</c> belongs to kernel IPVS.
    /// </remarks>
    public IReadOnlyCollection<string> GlobalKeys { get; } =
    [
        "data_plane", "lvs_sync_daemon", "lvs_timeouts", "lvs_flush", "lvs_flush_on_stop", "lvs_netlink_cmd_rcv_bufs",
        "lvs_netlink_cmd_rcv_bufs_force", "lvs_netlink_monitor_rcv_bufs", "lvs_netlink_monitor_rcv_bufs_force",
        "nftables_ipvs", "nftables_ipvs_priority", "nftables_ipvs_start_fwmark",
    ];

    /// <inheritdoc />
    public void Register(ContainerBuilder builder, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(context);
        builder.RegisterType<VirtualServerValidator>().As<IConfigValidator>().SingleInstance();
        builder.RegisterType<VirtualServerController>().AsSelf().SingleInstance().ExternallyOwned();
        builder.RegisterType<DataPlaneSelector>().AsSelf().SingleInstance();
        builder.RegisterType<NftablesDataPlaneProvider>().As<IDataPlaneProvider>().SingleInstance();
        builder.RegisterType<IpvsDataPlaneProvider>().As<IDataPlaneProvider>().SingleInstance();
        builder.RegisterType<UserspaceDataPlaneProvider>().As<IDataPlaneProvider>().SingleInstance();
        builder.Register(c => new OverrideStore(c.Resolve<Vigil.Abstractions.State.IClusterState>(), context.StateDirectory)).AsSelf().SingleInstance();
        builder.RegisterType<CounterCache>().AsSelf().SingleInstance();
        builder.RegisterType<CounterPoller>().AsSelf().SingleInstance().ExternallyOwned();
        builder.RegisterType<VirtualServerMetrics>().AsSelf().SingleInstance();
        builder.RegisterType<VirtualServerStatusSource>().As<IStatusSource>().SingleInstance();
        builder.RegisterType<RealServerDrainOperation>().As<IOperation>().SingleInstance();
        builder.RegisterType<RealServerEnableOperation>().As<IOperation>().SingleInstance();
        builder.RegisterType<RealServerWeightOperation>().As<IOperation>().SingleInstance();
        builder.RegisterType<RealServerListOperation>().As<IOperation>().SingleInstance();
    }

    /// <inheritdoc />
    public async Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        _services = services;
        var (_, error) = services.Resolve<OverrideStore>().Restore();
        if (error is not null)
        {
            throw new InvalidOperationException(error);
        }

        var table = Read(configuration);
        if (table.VirtualServers.Count > 0)
        {
            await StartPlaneAsync(table, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var table = Read(configuration);
        if (_controller?.Plane is not { } plane)
        {
            // No virtual server until now: the data plane is chosen when the first one appears.
            if (table.VirtualServers.Count > 0)
            {
                await StartPlaneAsync(table, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var refused = DataPlaneSelector.Unsupported(plane, table);
        if (refused.Count > 0)
        {
            throw new InvalidOperationException($"{string.Join("; ", refused)}; the running virtual servers are kept");
        }

        await _controller.ReloadAsync(table, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_poller is not null)
        {
            await _poller.DisposeAsync().ConfigureAwait(false);
            _poller = null;
        }

        if (_controller is not null)
        {
            await _controller.DisposeAsync().ConfigureAwait(false);
            _controller = null;
        }
    }

    private async Task StartPlaneAsync(VirtualServerTable table, CancellationToken cancellationToken)
    {
        var services = _services!;
        var plane = services.Resolve<DataPlaneSelector>().Select(table.DataPlane).Create();
        var refused = DataPlaneSelector.Unsupported(plane, table);
        if (refused.Count > 0)
        {
            await plane.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(string.Join("; ", refused));
        }

        _controller = services.Resolve<VirtualServerController>();
        services.Resolve<VirtualServerMetrics>();
        await _controller.StartAsync(table, plane, cancellationToken).ConfigureAwait(false);
        _poller = services.Resolve<CounterPoller>();
        _poller.Start();
    }

    private VirtualServerTable Read(ClusterConfiguration configuration) =>
        VirtualServerConfigReader.Read(configuration, new ValidationReport(configuration.Locator), _services!.Resolve<IEnumerable<IHealthChecker>>());
}
