using Autofac;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;
using Vigil.Abstractions.Status;
using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Engine;
using Vigil.Plugins.Vrrp.Status;

// Takeover, gratuitous ARP and the priority-0 advertisement first run during a failover: compile them ahead.
[assembly: Precompile]

namespace Vigil.Plugins.Vrrp;

/// <summary>
/// The VRRP plugin: keepalived's vrrp_instance, vrrp_sync_group and tracking blocks, run by one thread per sync group or
/// standalone instance over raw sockets and rtnetlink.
/// </summary>
public sealed class VrrpModule : IClusterModule
{
    private VrrpEngine? _engine;
    private VrrpEngineHolder? _holder;
    private StopSignals? _stopSignals;

    /// <inheritdoc />
    public string Name => "vrrp";

    /// <inheritdoc />
    public ModuleRoles Roles => ModuleRoles.Vrrp;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Sections { get; } =
    [
        "vrrp_instance", "vrrp_sync_group", "vrrp_script", "vrrp_track_file", "track_process",
        "static_ipaddress", "static_routes", "static_rules",
    ];

    /// <inheritdoc />
    /// <remarks><c>track_file</c> is followed by the checkers' FILE_CHECK as well.</remarks>
    public IReadOnlyCollection<string> SharedSections { get; } = ["track_file"];

    /// <inheritdoc />
    public IReadOnlyCollection<string> GlobalKeys { get; } =
    [
        "vrrp_mcast_group4", "vrrp_mcast_group6", "vrrp_version", "vrrp_garp_master_delay", "vrrp_garp_master_repeat",
        "vrrp_garp_master_refresh", "vrrp_garp_master_refresh_repeat", "vrrp_garp_interval", "vrrp_gna_interval",
        "vrrp_strict", "vrrp_iptables", "vrrp_skip_check_adv_addr", "vrrp_check_unicast_src",
    ];

    /// <inheritdoc />
    public void Register(ContainerBuilder builder, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(context);
        builder.RegisterType<VrrpConfigValidator>().As<IConfigValidator>().SingleInstance();
        builder.RegisterType<VrrpEngineHolder>().AsSelf().SingleInstance();
        builder.RegisterType<VrrpStatusSource>().As<IStatusSource>().SingleInstance();
        builder.RegisterType<VrrpMetrics>().AsSelf().SingleInstance();
        builder.RegisterType<LinuxVrrpPlatform>().As<IVrrpPlatform>().SingleInstance();
        builder.RegisterType<VrrpEngine>().AsSelf().SingleInstance().ExternallyOwned();
    }

    /// <inheritdoc />
    public async Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        _holder = services.Resolve<VrrpEngineHolder>();
        _engine = services.Resolve<VrrpEngine>();
        await StaticAddresses.ApplyAsync(configuration, services.Resolve<IVrrpPlatform>()).ConfigureAwait(false);
        await _engine.StartAsync(configuration).ConfigureAwait(false);
        _holder.Engine = _engine;
        _stopSignals = StopSignals.Register(_engine);
    }

    /// <inheritdoc />
    public Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken) =>
        _engine?.ReloadAsync(configuration) ?? Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopSignals?.Dispose();
        _stopSignals = null;
        if (_engine is not null)
        {
            await _engine.DisposeAsync().ConfigureAwait(false);
            _engine = null;
        }

        if (_holder is not null)
        {
            _holder.Engine = null;
        }
    }
}
