using Autofac;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;

namespace Vigil.Plugins.SmtpCheck;

/// <summary>
/// The smtp-check plugin: registers keepalived's SMTP_CHECK; the checkers module runs it like its own checkers
/// (retries, delays, warmup, the shared state). Enabled in host.json as <c>"smtp-check": { "Enabled": true }</c>.
/// </summary>
public sealed class SmtpCheckModule : IClusterModule
{
    /// <inheritdoc />
    public string Name => "smtp-check";

    /// <inheritdoc />
    public ModuleRoles Roles => ModuleRoles.VirtualServers;

    /// <inheritdoc />
    public IReadOnlyCollection<string> Sections => [];

    /// <inheritdoc />
    public IReadOnlyCollection<string> GlobalKeys => [];

    /// <inheritdoc />
    public void Register(ContainerBuilder builder, ModuleContext context) =>
        builder.RegisterType<SmtpChecker>().As<IHealthChecker>().SingleInstance();

    /// <inheritdoc />
    public Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
