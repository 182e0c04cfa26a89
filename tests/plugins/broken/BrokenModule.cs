using Autofac;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;

namespace Vigil.TestPlugins.Broken;

/// <summary>A module that fails at start, to prove the host stops with one line naming it.</summary>
public sealed class BrokenModule : IClusterModule
{
    public string Name => "broken";

    public IReadOnlyCollection<string> Sections => [];

    public IReadOnlyCollection<string> GlobalKeys => [];

    public void Register(ContainerBuilder builder, ModuleContext context)
    {
    }

    public Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("cannot open /dev/broken: no such device");

    public Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
