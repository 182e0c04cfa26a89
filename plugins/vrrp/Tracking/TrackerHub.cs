using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Processes;
using Vigil.Abstractions.State;
using Vigil.Linux;
using Vigil.Linux.Netlink.Route;
using Vigil.Linux.Threading;
using Vigil.Linux.Tracking;
using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Engine;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Plugins.Vrrp.Tracking;

/// <summary>
/// Watches every tracked object the configuration uses (each one once, however many instances track it) and broadcasts
/// changes: vrrp_scripts on their own schedules, interfaces through link notifications (a thread blocked on the
/// netlink socket, woken only by the kernel or by stopping), track_file and track_process by polling once a second,
/// only while some instance tracks one. On reload, objects whose definition did not change keep running and keep
/// their state.
/// </summary>
internal sealed partial class TrackerHub : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<(TrackKind, string), TrackUpdate> _current = [];
    private readonly Dictionary<string, ScriptMonitor> _scripts = new(StringComparer.Ordinal);
    private readonly IScriptRunner _runner;
    private readonly TimeProvider _time;
    private readonly IVrrpPlatform _platform;
    private readonly INetlinkClient _netlink;
    private readonly IClusterState _state;
    private readonly ILogger _logger;
    private HashSet<string> _virtualServers = new(StringComparer.Ordinal);
    private IDisposable? _quorumWatch;
    private IReadOnlyList<TrackFileOptions> _files = [];
    private IReadOnlyList<TrackProcessOptions> _processes = [];
    private HashSet<string> _interfaces = new(StringComparer.Ordinal);
    private ITimer? _poller;
    private Thread? _linkThread;
    private ILinkMonitor? _links;
    private ReadinessWaiter? _linkWaiter;
    private volatile bool _stopping;

    public TrackerHub(IScriptRunner runner, TimeProvider time, IVrrpPlatform platform, INetlinkClient netlink, IClusterState state, ILogger logger)
    {
        _runner = runner;
        _time = time;
        _platform = platform;
        _netlink = netlink;
        _state = state;
        _logger = logger;
    }

    /// <summary>Raised (on a tracking thread) when an object's result changes.</summary>
    public event Action<TrackUpdate>? Changed;

    /// <summary>The latest result of every watched object.</summary>
    public IReadOnlyList<TrackUpdate> Current()
    {
        lock (_gate)
        {
            return [.. _current.Values];
        }
    }

    /// <summary>Starts, keeps or stops watchers to match <paramref name="configuration"/>.</summary>
    public async Task ApplyAsync(VrrpConfiguration configuration)
    {
        var instances = configuration.Instances;
        var scripts = instances.SelectMany(i => i.TrackScripts).Select(r => r.Name).Distinct()
            .Select(n => configuration.Scripts.GetValueOrDefault(n)).OfType<VrrpScriptOptions>().ToDictionary(s => s.Name);
        foreach (var (name, monitor) in _scripts.ToList())
        {
            if (!scripts.TryGetValue(name, out var wanted) || wanted != monitor.Options)
            {
                _scripts.Remove(name);
                await monitor.DisposeAsync().ConfigureAwait(false);
                Forget(TrackKind.Script, name);
            }
        }

        foreach (var (name, options) in scripts.Where(s => !_scripts.ContainsKey(s.Key)))
        {
            _scripts[name] = ScriptMonitor.Start(options, _runner, _time, Publish, _logger);
        }

        _files = instances.SelectMany(i => i.TrackFiles).Select(r => r.Name).Distinct()
            .Select(n => configuration.TrackFiles.GetValueOrDefault(n)).OfType<TrackFileOptions>().ToList();
        _processes = instances.SelectMany(i => i.TrackProcesses).Select(r => r.Name).Distinct()
            .Select(n => configuration.TrackProcesses.GetValueOrDefault(n)).OfType<TrackProcessOptions>().ToList();
        _interfaces = instances.SelectMany(i => i.TrackInterfaces.Select(r => r.Name).Append(i.Interface))
            .Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        Poll();
        foreach (var name in _interfaces)
        {
            var link = _netlink.GetLink(name);
            Publish(new TrackUpdate(TrackKind.Interface, name, link is { IsUp: true, IsRunning: true }));
        }

        if (_files.Count > 0 || _processes.Count > 0)
        {
            _poller ??= _time.CreateTimer(_ => Poll(), null, PollInterval, PollInterval);
        }
        else
        {
            _poller?.Dispose();
            _poller = null;
        }

        StartLinkThread();
        WatchQuorums(instances.SelectMany(i => i.TrackVirtualServers).Select(r => r.Name).ToHashSet(StringComparer.Ordinal));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _quorumWatch?.Dispose();
        _poller?.Dispose();
        foreach (var monitor in _scripts.Values)
        {
            await monitor.DisposeAsync().ConfigureAwait(false);
        }

        _scripts.Clear();
        _linkWaiter?.Wake();
        _linkThread?.Join(TimeSpan.FromSeconds(1));
        _links?.Dispose();
        _linkWaiter?.Dispose();
    }

    /// <summary>
    /// Follows the virtual-server module's quorum entries in the shared state, notified on change. A virtual server
    /// with no entry (not configured, or its module not running) counts as up: only a lost quorum gives the VIP away.
    /// </summary>
    private void WatchQuorums(HashSet<string> tracked)
    {
        _virtualServers = tracked;
        if (tracked.Count == 0)
        {
            _quorumWatch?.Dispose();
            _quorumWatch = null;
            return;
        }

        _quorumWatch ??= _state.Watch("vrrp track_virtual_server", (snapshot, _) =>
        {
            var quorums = snapshot.All<VirtualServerQuorum>().ToDictionary(e => e.Value.VirtualServer.ToString(), e => e.Value.Up, StringComparer.Ordinal);
            foreach (var name in _virtualServers)
            {
                Publish(new TrackUpdate(TrackKind.VirtualServer, name, quorums.GetValueOrDefault(name, true)));
            }

            return Task.CompletedTask;
        }, new StateWatchOptions { Types = [typeof(VirtualServerQuorum)] });
    }

    private void StartLinkThread()
    {
        if (_linkThread is not null)
        {
            return;
        }

        try
        {
            _links = _platform.OpenLinkMonitor();
            _linkWaiter = new ReadinessWaiter();
        }
        catch (OsException e)
        {
            LogLinkMonitorFailed(e.Message);
            return;
        }

        _linkThread = new Thread(LinkLoop) { IsBackground = true, Name = "vrrp links" };
        _linkThread.Start();
    }

    private void LinkLoop()
    {
        // A monitor without a descriptor (a fake) is read with a timeout instead.
        var handle = _links!.Handle;
        nint[] handles = [handle];
        var ready = new bool[1];
        while (!_stopping)
        {
            try
            {
                var timeout = TimeSpan.FromMilliseconds(500);
                if (handle >= 0)
                {
                    _linkWaiter!.Wait(handles, ready, -1);
                    timeout = TimeSpan.Zero;
                    if (_stopping || !ready[0])
                    {
                        continue;
                    }
                }

                foreach (var link in _links.Read(timeout))
                {
                    if (_interfaces.Contains(link.Name))
                    {
                        Publish(new TrackUpdate(TrackKind.Interface, link.Name, !link.Deleted && link.IsUp && link.IsRunning));
                    }
                }
            }
            catch (Exception e) when (e is OsException or ObjectDisposedException or System.Net.Sockets.SocketException)
            {
                if (!_stopping)
                {
                    LogLinkMonitorFailed(e.Message);
                    Thread.Sleep(500);
                }
            }
        }
    }

    private void Poll()
    {
        try
        {
            PollOnce();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogLinkMonitorFailed($"polling track_file/track_process: {e.Message}");
        }
    }

    private void PollOnce()
    {
        foreach (var file in _files)
        {
            // A number out of range is no reading: keepalived keeps the value it had.
            if (TrackFileReader.Read(file.File) is { } value)
            {
                Publish(new TrackUpdate(TrackKind.File, file.Name, true, value));
            }
        }

        if (_processes.Count > 0)
        {
            var snapshot = ProcessTable.Snapshot();
            foreach (var process in _processes)
            {
                Publish(new TrackUpdate(TrackKind.Process, process.Name, ProcessTable.InQuorum(ProcessTable.Count(snapshot, process), process)));
            }
        }
    }

    private void Publish(TrackUpdate update)
    {
        lock (_gate)
        {
            if (_current.TryGetValue((update.Kind, update.Name), out var old) && old == update)
            {
                return;
            }

            _current[(update.Kind, update.Name)] = update;
        }

        Changed?.Invoke(update);
    }

    private void Forget(TrackKind kind, string name)
    {
        lock (_gate)
        {
            _current.Remove((kind, name));
        }
    }
}
