using Autofac;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;
using Vigil.Abstractions.Notifications;
using Vigil.Abstractions.Status;
using Vigil.Plugins.Notify.Channels;
using Vigil.Plugins.Notify.Configuration;
using Vigil.Plugins.Notify.Delivery;

namespace Vigil.Plugins.Notify;

/// <summary>
/// The notify plugin: keepalived's notify scripts, notify fifos and smtp_alert mails, plus templated
/// webhooks and rules. It only listens on the event bus, so any module's events can be notified.
/// </summary>
public sealed class NotifyModule : IClusterModule
{
    private NotifyService? _service;

    /// <inheritdoc />
    public string Name => "notify";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Sections => NotifyConfigReader.Sections;

    /// <inheritdoc />
    public IReadOnlyCollection<string> GlobalKeys => GlobalDefsReader.Keys;

    /// <inheritdoc />
    public IReadOnlyCollection<KeywordClaim> NestedKeywords => KeepalivedHandlersReader.Claims;

    /// <inheritdoc />
    public void Register(ContainerBuilder builder, ModuleContext context)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RegisterType<NotifyConfigValidator>().As<IConfigValidator>().SingleInstance();
        builder.RegisterType<NotifySettingsHolder>().AsSelf().SingleInstance();
        builder.RegisterType<NotifyMetrics>().AsSelf().SingleInstance();
        builder.RegisterType<DeliveryLedger>().AsSelf().SingleInstance();
        builder.RegisterType<NotifyStatusSource>().As<IStatusSource>().SingleInstance();
        builder.RegisterType<ScriptChannel>().As<INotificationChannel>().SingleInstance();
        builder.RegisterType<EmailChannel>().As<INotificationChannel>().SingleInstance();
        builder.RegisterType<WebhookChannel>().As<INotificationChannel>().SingleInstance();
        builder.RegisterType<FifoChannel>().As<INotificationChannel>().SingleInstance();
        builder.RegisterType<NotifyService>().AsSelf().SingleInstance().ExternallyOwned();
    }

    /// <inheritdoc />
    public Task StartAsync(ILifetimeScope services, ClusterConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        _service = services.Resolve<NotifyService>();
        _service.Start(configuration);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task ReloadAsync(ClusterConfiguration configuration, CancellationToken cancellationToken) =>
        _service?.ReloadAsync(configuration) ?? Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_service is not null)
        {
            await _service.DisposeAsync().ConfigureAwait(false);
            _service = null;
        }
    }
}
