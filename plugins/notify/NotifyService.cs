using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.Notifications;
using Vigil.Abstractions.Processes;
using Vigil.Plugins.Notify.Configuration;
using Vigil.Plugins.Notify.Delivery;
using Vigil.Plugins.Notify.Rules;

namespace Vigil.Plugins.Notify;

/// <summary>
/// The running notify module: takes every bus event, routes it through the matching handlers' throttles into
/// their lanes, and runs the notify fifo reader scripts. The bus handler only matches and queues; all
/// rendering and I/O happen on the lanes' own tasks, so notifications never hold up the bus or a failover.
/// </summary>
internal sealed partial class NotifyService : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly IEventBus _bus;
    private readonly IReadOnlyDictionary<string, INotificationChannel> _channels;
    private readonly NotifySettingsHolder _settings;
    private readonly IScriptRunner _runner;
    private readonly TimeProvider _time;
    private readonly ILogger<NotifyService> _logger;
    private readonly NotifyMetrics _metrics;
    private readonly DeliveryLedger _ledger;
    private readonly object _gate = new();
    private Route[] _routes = [];
    private IDisposable? _subscription;
    private CancellationTokenSource? _fifoScripts;

    public NotifyService(
        IEventBus bus,
        IEnumerable<INotificationChannel> channels,
        NotifySettingsHolder settings,
        IScriptRunner runner,
        TimeProvider time,
        ILogger<NotifyService> logger,
        NotifyMetrics metrics,
        DeliveryLedger ledger)
    {
        _bus = bus;
        _channels = channels.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        _settings = settings;
        _runner = runner;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _ledger = ledger;
    }

    /// <summary>Reads <paramref name="configuration"/> (already validated) and starts delivering.</summary>
    public void Start(ClusterConfiguration configuration)
    {
        Apply(configuration);
        _subscription = _bus.Subscribe<ClusterEvent>(
            "notify",
            OnEventAsync,
            new SubscriptionOptions { Capacity = 4096, Overflow = OverflowPolicy.DropNewest });
    }

    /// <summary>Swaps in the handlers of a new configuration; the old lanes finish what they hold.</summary>
    public async Task ReloadAsync(ClusterConfiguration configuration)
    {
        var old = Apply(configuration);
        LogReloaded(_routes.Length);
        await StopRoutesAsync(old).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _subscription = null;
        Route[] old;
        lock (_gate)
        {
            old = _routes;
            _routes = [];
        }

        await StopRoutesAsync(old).ConfigureAwait(false);
        await StopFifoScriptsAsync().ConfigureAwait(false);
    }

    private Route[] Apply(ClusterConfiguration configuration)
    {
        var report = new ValidationReport(configuration.Locator);
        var settings = NotifyConfigReader.Read(configuration, Environment.MachineName, _channels.Keys.ToHashSet(StringComparer.Ordinal), report);
        foreach (var issue in report.Issues.Where(i => i.Severity == ConfigSeverity.Error))
        {
            LogConfigIssue(issue.ToString());
        }

        _settings.Set(settings);
        _ledger.Capacity = settings.Options.FailuresKept;
        var services = new LaneServices(_time, _logger, _metrics, _ledger, () => _settings.Current.Global.Host, () => _settings.Current.Global.RouterId);
        var routes = new List<Route>();
        var lanes = new Dictionary<string, HandlerLane>(StringComparer.Ordinal);
        foreach (var handler in settings.Handlers)
        {
            if (!_channels.TryGetValue(handler.Channel, out var channel))
            {
                LogUnknownChannel(handler.Id, handler.Channel);
                continue;
            }

            var laneName = handler.Lane ?? handler.Id;
            if (!lanes.TryGetValue(laneName, out var lane))
            {
                lane = new HandlerLane(laneName, settings.Options.QueueSize, services);
                lanes[laneName] = lane;
            }

            var gate = new ThrottleGate(handler.Throttle, _time, item => lane.Enqueue(handler, channel, item), reason =>
            {
                _metrics.Suppressed(handler.Id, reason);
                _ledger.RecordSuppressed();
            });
            routes.Add(new Route(handler, gate, lane));
        }

        Route[] old;
        lock (_gate)
        {
            old = _routes;
            _routes = routes.ToArray();
        }

        RestartFifoScripts(settings);
        LogStarted(routes.Count);
        return old;
    }

    private Task OnEventAsync(ClusterEvent evt, CancellationToken cancellationToken)
    {
        foreach (var route in _routes)
        {
            if (route.Handler.Filter.Matches(evt))
            {
                route.Gate.Offer(evt);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task StopRoutesAsync(IEnumerable<Route> routes)
    {
        var list = routes.ToList();
        foreach (var route in list)
        {
            route.Gate.Dispose();
        }

        await Task.WhenAll(list.Select(r => r.Lane).Distinct().Select(l => l.StopAsync(StopGrace))).ConfigureAwait(false);
    }

    private sealed record Route(NotifyHandler Handler, ThrottleGate Gate, HandlerLane Lane);
}
