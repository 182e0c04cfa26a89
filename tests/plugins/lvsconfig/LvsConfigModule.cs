using Autofac;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;

namespace Vigil.TestPlugins.LvsConfig;

/// <summary>
/// Owns keepalived's virtual_server sections the way the virtual-server module does, to prove the ownership contract:
/// the checker blocks inside real_server are validated by whichever plugin registered that checker, and notify's
/// keywords there are notify's. It validates only; it runs nothing.
/// </summary>
public sealed class LvsConfigModule : IClusterModule
{
    public string Name => "lvsconfig";

    public IReadOnlyCollection<string> Sections => ["virtual_server", "virtual_server_group"];

    public IReadOnlyCollection<string> GlobalKeys => [];

    public ModuleRoles Roles => ModuleRoles.VirtualServers;

    public void Register(ContainerBuilder builder, ModuleContext context) =>
        builder.RegisterType<LvsConfigValidator>().As<IConfigValidator>().SingleInstance();

    public Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
