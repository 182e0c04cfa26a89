using Autofac;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;
using Vigil.Abstractions.Tools;
using Vigil.Linux.Icmp;
using Vigil.Linux.Tracking;
using Vigil.Plugins.Checkers.Checkers;
using Vigil.Plugins.Checkers.Checkers.Dns;
using Vigil.Plugins.Checkers.Checkers.FileCheck;
using Vigil.Plugins.Checkers.Checkers.Misc;
using Vigil.Plugins.Checkers.Checkers.Ping;
using Vigil.Plugins.Checkers.Checkers.Udp;
using Vigil.Plugins.Checkers.Configuration;
using Vigil.Plugins.Checkers.Engine;
using Vigil.Plugins.Checkers.Genhash;
using Vigil.Plugins.Checkers.Tls;

namespace Vigil.Plugins.Checkers;

/// <summary>
/// keepalived's health checkers: registers TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK, DNS_CHECK, UDP_CHECK, PING_CHECK
/// and FILE_CHECK (and <c>vigil genhash</c>), and runs every checker block of every
/// <c>real_server</c>, whichever plugin registered its checker, writing each real server's health to the shared state
/// (<see cref="Vigil.Abstractions.State.StateKeys.RealServerHealth"/>), where the virtual-server module reads it.
/// </summary>
public sealed class CheckersModule : IClusterModule
{
    private ILifetimeScope? _services;
    private HealthEngine? _engine;

    /// <inheritdoc />
    public string Name => "checkers";

    /// <inheritdoc />
    public ModuleRoles Roles => ModuleRoles.VirtualServers;

    /// <inheritdoc />
    /// <remarks>
    /// The checker blocks live inside <c>virtual_server</c>, which the virtual-server module owns; the top-level
    /// <c>SSL</c> section configures SSL_GET.
    /// </remarks>
    public IReadOnlyCollection<string> Sections { get; } = [SslSection.Name];

    /// <inheritdoc />
    /// <remarks>FILE_CHECK follows the global <c>track_file</c> blocks, which VRRP follows too.</remarks>
    public IReadOnlyCollection<string> SharedSections { get; } = ["track_file"];

    /// <inheritdoc />
    /// <remarks>
    /// <c>checker_log_all_failures</c> and <c>rs_init_notifies</c> change what is logged and announced; the process
    /// tuning keys (<c>checker_priority</c>, <c>checker_no_swap</c>, <c>checker_cpu_affinity</c>, <c>checker_rt_priority</c>,
    /// <c>checker_rlimit_rttime</c>) are accepted so keepalived's files load unchanged, as the checks run in Vigil's one
    /// process; <c>no_checker_emails</c> belongs to the notifications that read the events.
    /// </remarks>
    public IReadOnlyCollection<string> GlobalKeys { get; } =
    [
        "checker_log_all_failures", "checker_priority", "checker_no_swap", "checker_cpu_affinity",
        "checker_rt_priority", "checker_rlimit_rttime", "rs_init_notifies", "no_checker_emails",
    ];

    /// <inheritdoc />
    public void Register(ContainerBuilder builder, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RegisterType<TcpChecker>().As<IHealthChecker>().SingleInstance();
        builder.RegisterType<HttpGetChecker>().As<IHealthChecker>().SingleInstance();
        builder.RegisterType<SslGetChecker>().As<IHealthChecker>().SingleInstance();
        builder.RegisterType<TlsTrustSource>().AsSelf().SingleInstance();
        builder.RegisterType<SslSectionValidator>().As<IConfigValidator>().SingleInstance();
        builder.RegisterType<GenhashTool>().As<ICommandLineTool>().SingleInstance();
        builder.RegisterType<MiscChecker>().As<IHealthChecker>().SingleInstance();
        builder.RegisterType<DnsChecker>().As<IHealthChecker>().SingleInstance();
        builder.RegisterType<UdpChecker>().As<IHealthChecker>().SingleInstance();
        builder.RegisterType<PingChecker>().As<IHealthChecker>().SingleInstance();
        builder.RegisterType<FileChecker>().As<IHealthChecker>().SingleInstance();
        builder.RegisterType<TrackFileCatalog>().AsSelf().SingleInstance();
        builder.Register(c => new IcmpPinger(c.Resolve<TimeProvider>())).AsSelf().SingleInstance();
        builder.RegisterType<FileCheckValidator>().As<IConfigValidator>().SingleInstance();
        builder.RegisterType<CheckerGlobalsValidator>().As<IConfigValidator>().SingleInstance();
        builder.Register(_ => new WarmupPicker(Random.Shared)).AsSelf().SingleInstance();
        builder.RegisterType<HealthEngine>().AsSelf().SingleInstance().ExternallyOwned();
    }

    /// <inheritdoc />
    public Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _engine = services.Resolve<HealthEngine>();
        Apply(configuration);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        Apply(configuration);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync().ConfigureAwait(false);
            _engine = null;
        }
    }

    private void Apply(ClusterConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var engine = _engine ?? throw new InvalidOperationException("the checkers module has not started");
        _services!.Resolve<TlsTrustSource>().Apply(configuration);
        _services!.Resolve<TrackFileCatalog>().Use(TrackFileBlockReader.ReadAll(configuration, new ValidationReport(configuration.Locator)));
        var definitions = CheckConfigReader.Read(configuration, _services!.Resolve<IEnumerable<IHealthChecker>>());
        engine.Apply(definitions, CheckerOptions.Read(configuration), CheckConfigReader.OmegaServers(configuration));
    }
}
