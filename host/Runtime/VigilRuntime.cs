using System.Diagnostics.Metrics;
using System.Text.Json.Nodes;
using Autofac;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.Modules;
using Vigil.Abstractions.Operations;
using Vigil.Abstractions.Status;
using Vigil.Host.Admin;
using Vigil.Host.Events;
using Vigil.Host.Metrics;
using Vigil.Host.Options;
using Vigil.Host.Plugins;

namespace Vigil.Host.Runtime;

/// <summary>
/// The daemon: loads enabled modules, validates the cluster configuration, starts modules in order,
/// reloads on request and stops them in reverse.
/// </summary>
internal sealed partial class VigilRuntime : IAsyncDisposable
{
    private readonly HostOptions _options;
    private readonly IConfiguration _hostConfiguration;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<VigilRuntime> _logger;
    private readonly TimeProvider _time;
    private readonly ModuleRoles? _side;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);
    private readonly List<RunningModule> _modules = [];
    private readonly DateTimeOffset _started;
    private IContainer? _container;
    private ClusterConfiguration? _configuration;
    private IReadOnlyList<ConfigIssue> _lastReloadErrors = [];
    private Counter<long>? _reloads;

    public VigilRuntime(HostOptions options, IConfiguration hostConfiguration, ILoggerFactory loggerFactory, TimeProvider time, ModuleRoles? side = null)
    {
        _options = options;
        _hostConfiguration = hostConfiguration;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<VigilRuntime>();
        _time = time;
        _side = side;
        _started = time.GetUtcNow();
    }

    /// <summary>The container, once modules have registered (for tests and the admin endpoint).</summary>
    public IContainer? Container => _container;

    /// <summary>Loads and starts everything; the returned error is the one line to print before exiting 1, or null on success.</summary>
    public async Task<string?> StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyList<LoadedModule> loaded = ModuleCatalog.LoadEnabled(_options, ModuleCatalog.ResolveDirectory(_options));
            if (_side is { } side)
            {
                // Nothing is resolved from this first container, so dropping it undisposed leaves nothing behind.
                loaded = ModuleSelection.Select(loaded, side, HostServices.Build(_options, _hostConfiguration, _loggerFactory, _time, loaded));
            }

            _modules.AddRange(loaded.Select(m => new RunningModule(m)));
            foreach (var module in _modules)
            {
                LogModuleLoaded(module.Name, module.Loaded.AssemblyPath);
            }

            _container = HostServices.Build(_options, _hostConfiguration, _loggerFactory, _time, loaded);
            ContributionConflicts.Verify(loaded, _container);
            CreateMetrics(_container.Resolve<HostMeter>().Meter);
        }
        catch (ModuleLoadException e)
        {
            return e.Message;
        }

        var (configuration, issues) = LoadAndValidate();
        foreach (var issue in issues)
        {
            LogConfigIssue(issue.Severity == ConfigSeverity.Error ? LogLevel.Error : LogLevel.Warning, issue.ToString());
        }

        if (configuration is null)
        {
            var errors = issues.Where(i => i.Severity == ConfigSeverity.Error).ToList();
            var files = errors.Select(i => i.Location?.File).OfType<string>().Distinct(StringComparer.Ordinal).DefaultIfEmpty(_options.Cluster.ConfigFile);
            return $"configuration {string.Join(", ", files)} is invalid ({errors.Count} errors)";
        }

        _configuration = configuration;
        LogConfigLoaded(string.Join(", ", configuration.Files));
        foreach (var module in _modules)
        {
            module.State = ModuleState.Starting;
            LogModuleStarting(module.Name);
            try
            {
                ModuleDirectories.Create(_options, module.Name);
                await module.Loaded.Module.StartAsync(_container!, configuration, cancellationToken).ConfigureAwait(false);
                module.State = ModuleState.Running;
                LogModuleStarted(module.Name);
            }
            catch (Exception e)
            {
                module.State = ModuleState.Failed;
                module.LastError = e.Message;
                LogModuleFailed(e, module.Name);
                await StopAsync().ConfigureAwait(false);
                return $"module '{module.Name}': failed to start: {e.Message}";
            }
        }

        WarmUp.Start();
        return null;
    }

    /// <summary>
    /// Reloads the cluster configuration. An invalid file is rejected with its errors logged, and every
    /// module keeps running on the old one. Returns the errors (empty when applied).
    /// </summary>
    public async Task<IReadOnlyList<ConfigIssue>> ReloadAsync(CancellationToken cancellationToken)
    {
        await _reloadLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            LogReloadRequested(_options.Cluster.ConfigFile);
            var (configuration, issues) = LoadAndValidate();
            if (configuration is null)
            {
                _lastReloadErrors = issues.Where(i => i.Severity == ConfigSeverity.Error).ToList();
                _reloads?.Add(1, new KeyValuePair<string, object?>("result", "rejected"));
                foreach (var issue in _lastReloadErrors)
                {
                    LogReloadRejected(issue.ToString());
                }

                return _lastReloadErrors;
            }

            foreach (var module in _modules.Where(m => m.State == ModuleState.Running))
            {
                try
                {
                    await module.Loaded.Module.ReloadAsync(configuration, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    module.LastError = $"reload failed: {e.Message}";
                    LogReloadFailed(e, module.Name);
                }
            }

            _configuration = configuration;
            _lastReloadErrors = [];
            _reloads?.Add(1, new KeyValuePair<string, object?>("result", "applied"));
            _container!.Resolve<IEventBus>().Publish(new ConfigurationReloaded(configuration.Files) { Source = "host" });
            LogReloadApplied(string.Join(", ", configuration.Files));
            return [];
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    /// <summary>Stops running modules in reverse start order, then lets the bus deliver what is queued.</summary>
    public async Task StopAsync()
    {
        for (var i = _modules.Count - 1; i >= 0; i--)
        {
            var module = _modules[i];
            if (module.State is not (ModuleState.Running or ModuleState.Starting or ModuleState.Failed))
            {
                continue;
            }

            module.State = ModuleState.Stopping;
            LogModuleStopping(module.Name);
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await module.Loaded.Module.StopAsync(timeout.Token).ConfigureAwait(false);
                module.State = ModuleState.Stopped;
                if (_container?.ResolveOptional<EventBus>() is { } events)
                {
                    await events.FlushAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                module.State = ModuleState.Failed;
                module.LastError = $"stop failed: {e.Message}";
                LogModuleStopFailed(e, module.Name);
            }
        }

        if (_container?.ResolveOptional<EventBus>() is { } bus)
        {
            await bus.DrainAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
    }

    /// <summary>The host's own state and every module's status sources, for <c>vigil status</c>.</summary>
    public JsonObject GetStatus() => RuntimeStatus.Build(
        _options.Instance,
        _started,
        _time.GetUtcNow(),
        _configuration?.Files ?? [],
        _lastReloadErrors,
        _modules,
        _container?.Resolve<IEnumerable<IStatusSource>>() ?? []);

    /// <summary>Every module's operations with the module that registered each, for the admin endpoint.</summary>
    public IReadOnlyList<(IOperation Operation, string Module)> Operations()
    {
        var attribution = new ModuleAttribution(_modules.Select(m => m.Loaded));
        return _container?.Resolve<IEnumerable<IOperation>>().Select(o => (o, attribution.Of(o))).ToList() ?? [];
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync().ConfigureAwait(false);
        }

        _reloadLock.Dispose();
    }

    private void CreateMetrics(Meter meter)
    {
        _reloads = meter.CreateCounter<long>("vigil_config_reloads", "{reload}", "Configuration reloads by result (applied, rejected).");
        meter.CreateObservableGauge(
            "vigil_module_up",
            () => _modules.Select(m => new Measurement<int>(m.State == ModuleState.Running ? 1 : 0, new KeyValuePair<string, object?>("module", m.Name))),
            "1",
            "1 when the module is running.");
        meter.CreateObservableGauge(
            "vigil_uptime_seconds",
            () => (_time.GetUtcNow() - _started).TotalSeconds,
            "s",
            "Seconds since the host started.");
    }

    private (ClusterConfiguration? Configuration, IReadOnlyList<ConfigIssue> Issues) LoadAndValidate() =>
        ClusterConfigCheck.Run(_options.Cluster.ConfigFile, _modules.Select(m => m.Loaded.Module).ToList(), _container!);
}
