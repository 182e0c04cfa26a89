using System.Text.Json.Nodes;
using Autofac;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;
using Vigil.Abstractions.Status;

namespace Vigil.TestPlugins;

/// <summary>
/// Reports which version of the private Vigil.TestDep assembly its load context resolved. Compiled into both
/// the alpha and the beta plugin, which carry different versions of that assembly; the module is named
/// after the plugin assembly it is compiled into.
/// </summary>
public sealed class DependencyReportingModule : IClusterModule, IStatusSource
{
    public string Name { get; } = typeof(DependencyReportingModule).Assembly.GetName().Name!;

    public string Module => Name;

    public IReadOnlyCollection<string> Sections => [];

    public IReadOnlyCollection<string> GlobalKeys => [];

    public bool Started { get; private set; }

    public void Register(ContainerBuilder builder, ModuleContext context) => builder.RegisterInstance(this).As<IStatusSource>();

    public JsonObject GetStatus() => new()
    {
        ["dependency"] = Vigil.TestDep.Marker.Version,
        ["assemblyVersion"] = typeof(Vigil.TestDep.Marker).Assembly.GetName().Version!.ToString(),
        ["started"] = Started,
    };

    public Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        Started = true;
        return Task.CompletedTask;
    }

    public Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
