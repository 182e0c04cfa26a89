using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.State;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;

namespace Vigil.Plugins.Ipvs.Engine;

/// <summary>
/// Keeps the data plane equal to what the configuration and the cluster state ask for. Every change of health,
/// override or VRRP state wakes it with the newest snapshot; it evaluates every virtual server, hands the data plane the
/// whole desired state (the plane rewrites only what differs, atomically), and publishes each quorum.
/// </summary>
/// <remarks>
/// A refused change leaves the last applied state in place and is retried on the next wake-up or after the store's
/// retry delay, so a health change is never lost: the state store keeps the latest value and this reconciles against it.
/// </remarks>
internal sealed partial class VirtualServerController : IAsyncDisposable
{
    private const string Source = "ipvs";

    private readonly IClusterState _state;
    private readonly IEventBus _bus;
    private readonly ILogger<VirtualServerController> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<VirtualServerKey, bool> _quorum = [];
    private VirtualServerTable _table = VirtualServerTable.Empty;
    // Null until the first apply, which always reaches the plane so it starts from a known state.
    private IReadOnlyList<ServicePlan>? _applied;
    private IDataPlane? _plane;
    private IDisposable? _watch;
    private volatile IReadOnlyList<ServiceEvaluation> _evaluations = [];

    /// <summary>Creates the controller; <see cref="StartAsync"/> connects it.</summary>
    public VirtualServerController(IClusterState state, IEventBus bus, ILogger<VirtualServerController> logger)
    {
        _state = state;
        _bus = bus;
        _logger = logger;
    }

    /// <summary>The latest evaluation of every virtual server, for status, operations and metrics.</summary>
    public IReadOnlyList<ServiceEvaluation> Evaluations => _evaluations;

    /// <summary>The data plane in use, or null before start.</summary>
    public IDataPlane? Plane => _plane;

    /// <summary>Starts forwarding <paramref name="table"/> through <paramref name="plane"/> and follows the cluster state.</summary>
    public async Task StartAsync(VirtualServerTable table, IDataPlane plane, CancellationToken cancellationToken)
    {
        _plane = plane;
        _table = table;
        await ReconcileAsync(_state.Current, cancellationToken).ConfigureAwait(false);
        _watch = _state.Watch(
            Source,
            ReconcileAsync,
            new StateWatchOptions { Types = [typeof(RealServerHealth), typeof(RealServerOverride), typeof(VrrpInstanceStatus)] });
    }

    /// <summary>Switches to <paramref name="table"/>; services that did not change are not touched.</summary>
    public async Task ReloadAsync(VirtualServerTable table, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _table = table;
        }
        finally
        {
            _gate.Release();
        }

        await ReconcileAsync(_state.Current, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _watch?.Dispose();
        _watch = null;
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var service in _quorum.Keys)
            {
                _state.Remove(StateKeys.VirtualServerQuorum(service));
            }

            _quorum.Clear();
            if (_plane is not null)
            {
                await _plane.DisposeAsync().ConfigureAwait(false);
                _plane = null;
            }
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    private async Task ReconcileAsync(IStateSnapshot snapshot, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_plane is null)
            {
                return;
            }

            var evaluations = _table.VirtualServers
                .Select(vs => ServicePlanner.Evaluate(vs, snapshot, _quorum.TryGetValue(vs.Key, out var up) ? up : null))
                .ToImmutableArray();
            var desired = evaluations.Select(e => e.Plan).OfType<ServicePlan>().ToImmutableArray();
            if (_applied is null || !desired.SequenceEqual(_applied))
            {
                try
                {
                    await _plane.ApplyAsync(desired, cancellationToken).ConfigureAwait(false);
                }
                catch (DataPlaneException e)
                {
                    LogApplyRefused(_plane.Name, e.Message);
                    throw;
                }

                LogApplied(_plane.Name, desired.Length, desired.Except(_applied ?? []).Count());
                _applied = desired;
            }

            _evaluations = evaluations;
            PublishQuorum(evaluations);
        }
        finally
        {
            _gate.Release();
        }
    }

    private void PublishQuorum(IReadOnlyList<ServiceEvaluation> evaluations)
    {
        var current = evaluations.Select(e => e.Service.Key).ToHashSet();
        foreach (var gone in _quorum.Keys.Where(k => !current.Contains(k)).ToList())
        {
            _quorum.Remove(gone);
            _state.Remove(StateKeys.VirtualServerQuorum(gone));
        }

        foreach (var e in evaluations)
        {
            var key = e.Service.Key;
            var changed = _quorum.TryGetValue(key, out var was) && was != e.QuorumUp;
            _quorum[key] = e.QuorumUp;
            _state.Set(StateKeys.VirtualServerQuorum(key), new VirtualServerQuorum(key, e.QuorumUp, e.LiveWeight, e.Service.Quorum, e.Plan is not null), Source);
            if (changed)
            {
                LogQuorumChanged(key.ToString(), e.QuorumUp ? "gained" : "lost", e.LiveWeight, e.Service.Quorum);
                _bus.Publish(new VirtualServerQuorumChanged(key, e.QuorumUp, e.LiveWeight, e.Service.Quorum) { Source = Source });
            }
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "{Plane}: {Services} virtual services programmed, {Changed} changed")]
    private partial void LogApplied(string plane, int services, int changed);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "{Plane} refused the change, the previous state stays and the change is retried: {Reason}")]
    private partial void LogApplyRefused(string plane, string reason);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Warning, Message = "virtual server {VirtualServer} {Change} quorum: live weight {LiveWeight}, quorum {Quorum}")]
    private partial void LogQuorumChanged(string virtualServer, string change, int liveWeight, int quorum);
}
