using Autofac;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.Modules;
using Vigil.Abstractions.Processes;
using Vigil.Abstractions.Status;
using Vigil.Host.Events;
using Vigil.Host.Metrics;
using Vigil.Host.Processes;
using Vigil.Plugins.Notify;

namespace Vigil.Notify.Tests.Support;

/// <summary>The notify module wired as the host wires it: the host's EventBus and ScriptRunner, Autofac, a validated configuration.</summary>
internal sealed class NotifyHarness : IAsyncDisposable
{
    private readonly IContainer _container;
    private readonly EventBus _bus;
    private readonly HostMeter _meter = new();
    private readonly NotifyModule _module = new();

    private NotifyHarness(ClusterConfiguration configuration, TimeProvider time, IScriptRunner? runner)
    {
        _bus = new EventBus(NullLogger<EventBus>.Instance, time, _meter);
        var builder = new ContainerBuilder();
        builder.RegisterInstance(_bus).As<IEventBus>().ExternallyOwned();
        builder.RegisterInstance(time).As<TimeProvider>();
        builder.RegisterInstance(NullLoggerFactory.Instance).As<ILoggerFactory>();
        builder.RegisterGeneric(typeof(NullLogger<>)).As(typeof(ILogger<>)).SingleInstance();
        if (runner is null)
        {
            builder.RegisterType<ScriptRunner>().As<IScriptRunner>().SingleInstance();
        }
        else
        {
            builder.RegisterInstance(runner).As<IScriptRunner>();
        }

        var context = new ModuleContext("notify", new ConfigurationBuilder().Build(), "test", "/tmp", "/tmp");
        _module.Register(builder, context);
        _container = builder.Build();
        Configuration = configuration;
    }

    public ClusterConfiguration Configuration { get; }

    public IEventBus Bus => _bus;

    public NotifyModule Module => _module;

    public static async Task<NotifyHarness> StartAsync(ClusterConfiguration configuration, TimeProvider? time = null, IScriptRunner? runner = null)
    {
        var harness = new NotifyHarness(configuration, time ?? TimeProvider.System, runner);
        var report = harness.Validate();
        Assert.False(report.HasErrors, string.Join("\n", report.Issues));
        await harness._module.StartAsync(harness._container, configuration, CancellationToken.None);
        return harness;
    }

    public ValidationReport Validate()
    {
        var report = new ValidationReport(Configuration.Locator);
        foreach (var validator in _container.Resolve<IEnumerable<IConfigValidator>>())
        {
            validator.Validate(Configuration, report);
        }

        return report;
    }

    public System.Text.Json.Nodes.JsonObject Status() =>
        _container.Resolve<IEnumerable<IStatusSource>>().Single(s => s.Module == "notify").GetStatus();

    public async ValueTask DisposeAsync()
    {
        await _module.StopAsync(CancellationToken.None);
        await _bus.DisposeAsync();
        await _container.DisposeAsync();
        _meter.Dispose();
    }
}
