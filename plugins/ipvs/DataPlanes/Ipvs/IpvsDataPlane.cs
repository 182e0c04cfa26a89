using System.Collections.Immutable;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Vigil.Abstractions.VirtualServers;
using Vigil.Linux;
using Vigil.Linux.Netlink;
using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>
/// Kernel IPVS over generic netlink: every virtual service is an IPVS service (a group's members one each), every
/// planned server an IPVS destination. It keeps a model of what it programmed and sends only the difference.
/// </summary>
/// <remarks>
/// <para>
/// IPVS has no transaction spanning several requests: the kernel applies each one alone and forwards with every state
/// in between. The requests are therefore ordered so that no state between two of them leaves a service without a
/// server it keeps (see <see cref="IpvsChangePlan"/>): additions before removals, new services filled before old ones
/// go, weights raised before others are lowered and before any destination is removed.
/// </para>
/// <para>
/// When the kernel refuses a request, the requests already made in that apply are undone in reverse order (a removed
/// destination comes back with its weight, but not with its connections or counters) and
/// <see cref="DataPlaneException"/> says what was refused and why (the errno). The model follows every request the
/// kernel accepts, undoing included, so if undoing fails too the next apply starts from what the kernel really has.
/// </para>
/// <para>
/// A service the configuration wants that the kernel already has (left by an earlier run that ended without cleaning
/// up) is adopted as it is and corrected; services Vigil does not configure are never touched. Disposing removes every
/// service it programmed, as keepalived does when it stops: the servers behind them are no longer checked.
/// </para>
/// </remarks>
internal sealed partial class IpvsDataPlane : IDataPlane
{
    private readonly IIpvsTransport _transport;
    private readonly ILogger<IpvsDataPlane> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ImmutableDictionary<VirtualServerKey, IpvsService> _programmed = ImmutableDictionary<VirtualServerKey, IpvsService>.Empty;
    private IReadOnlyDictionary<VirtualServerKey, VirtualServerKey> _owners = new Dictionary<VirtualServerKey, VirtualServerKey>();
    private int _disposed;

    /// <summary>Creates the plane over <paramref name="transport"/>, which it owns; nothing is programmed yet.</summary>
    public IpvsDataPlane(IIpvsTransport transport, ILogger<IpvsDataPlane> logger)
    {
        _transport = transport;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name => "ipvs";

    /// <summary>The services as the plane believes the kernel holds them, for tests.</summary>
    internal ImmutableDictionary<VirtualServerKey, IpvsService> Programmed => _programmed;

    /// <inheritdoc />
    public string? Unsupported(VirtualServerDefinition service) => IpvsMapping.Unsupported(service);

    /// <inheritdoc />
    public async Task ApplyAsync(IReadOnlyList<ServicePlan> desired, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Cancellation is honoured only before the first request: a half-made change is worse than a late one.
            cancellationToken.ThrowIfCancellationRequested();
            var wanted = IpvsMapping.Services(desired);
            Adopt(wanted.Select(w => w.Service.Key).Where(k => !_programmed.ContainsKey(k)).ToHashSet());
            var owners = wanted.ToDictionary(w => w.Service.Key, w => w.Owner);
            var done = new List<(IpvsStep Step, ImmutableDictionary<VirtualServerKey, IpvsService> Before)>();
            foreach (var step in IpvsChangePlan.Between(_programmed, [.. wanted.Select(w => w.Service)]))
            {
                if (Run(step) is { } failure)
                {
                    var undone = Undo(done);
                    _owners = _owners.Concat(owners).DistinctBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value);
                    throw new DataPlaneException(undone
                        ? $"{failure}; the {done.Count} change(s) before it in this apply were undone"
                        : $"{failure}; undoing the changes before it failed too, so the kernel keeps part of this apply and the next one starts from there");
                }

                LogChanged(step.ToString());
                done.Add((step, _programmed));
                _programmed = step.ApplyTo(_programmed);
            }

            _owners = owners;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BackendCounters>> ReadCountersAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var counters = new Dictionary<(VirtualServerKey, RealServerKey), BackendCounters>();
            foreach (var service in _programmed.Keys)
            {
                if (!_owners.TryGetValue(service, out var owner))
                {
                    continue;
                }

                foreach (var entry in Destinations(service))
                {
                    var key = (owner, entry.Destination.Server);
                    counters[key] = counters.TryGetValue(key, out var sum) ? Add(sum, entry) : Counters(owner, entry);
                }
            }

            return [.. counters.Values];
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var service in _programmed.Keys)
            {
                if (Run(new IpvsStep(IpvsChange.DeleteService, service)) is { } failure)
                {
                    LogRemoveFailed(failure);
                }
            }

            _programmed = _programmed.Clear();
            _transport.Dispose();
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    private static BackendCounters Counters(VirtualServerKey owner, IpvsDestinationEntry e) =>
        new(owner, e.Destination.Server, e.ActiveConnections, e.InactiveConnections, e.Connections, e.PacketsIn, e.PacketsOut, e.BytesIn, e.BytesOut);

    /// <summary>A group's members are services of their own; its counters are their sums.</summary>
    private static BackendCounters Add(BackendCounters sum, IpvsDestinationEntry e) =>
        sum with
        {
            ActiveConnections = sum.ActiveConnections + e.ActiveConnections,
            InactiveConnections = sum.InactiveConnections + e.InactiveConnections,
            Connections = sum.Connections + e.Connections,
            PacketsIn = sum.PacketsIn + e.PacketsIn,
            PacketsOut = sum.PacketsOut + e.PacketsOut,
            BytesIn = sum.BytesIn + e.BytesIn,
            BytesOut = sum.BytesOut + e.BytesOut,
        };

    /// <summary>Takes the services of <paramref name="keys"/> the kernel already has into the model, as they are.</summary>
    private void Adopt(HashSet<VirtualServerKey> keys)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var services = Read(() => _transport.Query(s => IpvsMessages.GetServices(_transport.Family, s), "list the IPVS services"))
            .Select(IpvsMessages.ParseService)
            .OfType<IpvsServiceEntry>()
            .Where(e => keys.Contains(e.Service))
            .ToList();
        foreach (var entry in services)
        {
            var destinations = Destinations(entry.Service).Select(d => d.Destination).ToImmutableList();
            _programmed = _programmed.SetItem(entry.Service, new IpvsService(entry.Service, entry.Settings, destinations));
            LogAdopted(entry.Service.ToString(), destinations.Count);
        }
    }

    private IEnumerable<IpvsDestinationEntry> Destinations(VirtualServerKey service) =>
        Read(() => _transport.Query(s => IpvsMessages.GetDestinations(_transport.Family, s, service), $"list the real servers of IPVS service {service}"))
            .Select(m => IpvsMessages.ParseDestination(m, service.Family))
            .OfType<IpvsDestinationEntry>()
            .ToList();

    /// <summary>Makes one request; null when the kernel accepted it, else why not in words.</summary>
    private string? Run(IpvsStep step)
    {
        try
        {
            var errno = _transport.Execute(s => step.Request(_transport.Family, s));
            return errno == 0 ? null : new OsException(step.ToString(), errno).Message;
        }
        catch (Exception e) when (e is OsException or SocketException)
        {
            return $"{step} failed: {e.Message}";
        }
    }

    /// <summary>Undoes <paramref name="done"/> newest first; false when the kernel refused some of it.</summary>
    private bool Undo(List<(IpvsStep Step, ImmutableDictionary<VirtualServerKey, IpvsService> Before)> done)
    {
        var complete = true;
        for (var i = done.Count - 1; i >= 0; i--)
        {
            foreach (var undo in done[i].Step.Inverse(done[i].Before))
            {
                if (Run(undo) is { } failure)
                {
                    LogUndoFailed(failure);
                    complete = false;
                    continue;
                }

                _programmed = undo.ApplyTo(_programmed);
            }
        }

        return complete;
    }

    private static IReadOnlyList<NetlinkMessage> Read(Func<IReadOnlyList<NetlinkMessage>> query)
    {
        try
        {
            return query();
        }
        catch (Exception e) when (e is OsException or SocketException)
        {
            throw new DataPlaneException(e.Message, e);
        }
    }

    [LoggerMessage(EventId = 9100, Level = LogLevel.Debug, Message = "ipvs: {Change}")]
    private partial void LogChanged(string change);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "ipvs: adopted IPVS service {Service} with {Servers} real servers, which the kernel already had")]
    private partial void LogAdopted(string service, int servers);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Error, Message = "ipvs: undoing a refused apply failed: {Reason}")]
    private partial void LogUndoFailed(string reason);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "ipvs: removing a service on shutdown failed: {Reason}")]
    private partial void LogRemoveFailed(string reason);
}
