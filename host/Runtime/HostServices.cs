using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.Modules;
using Vigil.Abstractions.Processes;
using Vigil.Abstractions.State;
using Vigil.Host.Events;
using Vigil.Host.Metrics;
using Vigil.Host.Options;
using Vigil.Host.Plugins;
using Vigil.Host.Processes;
using Vigil.Host.State;

namespace Vigil.Host.Runtime;

/// <summary>Composes the container: the host's own services first, then each module's registrations.</summary>
internal static class HostServices
{
    public static IContainer Build(
        HostOptions options,
        IConfiguration hostConfiguration,
        ILoggerFactory loggerFactory,
        TimeProvider time,
        IReadOnlyList<LoadedModule> modules)
    {
        var services = new ServiceCollection();
        services.AddSingleton(loggerFactory);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));

        var builder = new ContainerBuilder();
        builder.Populate(services);
        builder.RegisterInstance(time).As<TimeProvider>();
        builder.RegisterInstance(options);
        builder.RegisterType<HostMeter>().SingleInstance();
        builder.RegisterType<EventBus>().As<IEventBus>().AsSelf().SingleInstance();
        builder.RegisterType<ClusterStateStore>().As<IClusterState>().SingleInstance();
        builder.RegisterType<ScriptRunner>().As<IScriptRunner>().SingleInstance();

        foreach (var module in modules)
        {
            var context = new ModuleContext(
                module.Name,
                hostConfiguration.GetSection($"Modules:{module.Name}"),
                options.Instance,
                ModuleDirectories.State(options, module.Name),
                ModuleDirectories.Runtime(options, module.Name));
            try
            {
                module.Module.Register(builder, context);
            }
            catch (Exception e)
            {
                throw new ModuleLoadException(module.Name, $"failed to register its services: {e.Message}", e);
            }
        }

        return builder.Build();
    }
}
