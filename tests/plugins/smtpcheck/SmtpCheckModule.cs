using Autofac;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;

namespace Vigil.TestPlugins.SmtpCheck;

/// <summary>A third-party plugin that adds keepalived's SMTP_CHECK without touching the host or the checkers plugin.</summary>
public sealed class SmtpCheckModule : IClusterModule
{
    public string Name => "smtpcheck";

    public IReadOnlyCollection<string> Sections => [];

    public IReadOnlyCollection<string> GlobalKeys => [];

    public void Register(ContainerBuilder builder, ModuleContext context) =>
        builder.RegisterType<SmtpChecker>().As<IHealthChecker>().SingleInstance();

    public Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
