using System.Buffers;
using System.Text.Json.Nodes;
using Vigil.Abstractions.VirtualServers;
using Vigil.Linux.Netlink.Conntrack;
using Vigil.Linux.Netlink.Route;
using Vigil.Linux.Nftables;
using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Plugins.Ipvs.DataPlanes.Nftables;

/// <summary>
/// The nftables data plane: one table, <c>inet vigil_lvs</c>, programmed in-process through libnftables. Every apply
/// is one transaction: a changed service's chain is rewritten in place (or, when its backends' chains change, new
/// chains are made beside the old and its map entries switched to them), all at once, so established connections
/// (whose NAT conntrack already holds) are never touched.
/// </summary>
/// <remarks>
/// Bound to the network namespace it was created in (libnftables' and ctnetlink's sockets are opened then). The lc
/// family of schedulers is realised from conntrack's counts at every counter read (<see cref="LoadShares"/>).
/// </remarks>
internal sealed class NftablesDataPlane : IDataPlane
{
    private static readonly TimeSpan ResolveWait = TimeSpan.FromSeconds(1);

    private readonly NftablesSession _session;
    private readonly ConntrackCounter _conntrack;
    private readonly NextHopLookup _nextHops;
    private readonly Dictionary<System.Net.IPAddress, NextHop> _hops = [];
    private readonly Dictionary<(VirtualServerKey, RealServerKey), uint> _directIds = [];
    private IReadOnlyList<DirectRoutingService> _direct = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Reused for every change's document: it grows to the largest once instead of allocating each time.
    private readonly ArrayBufferWriter<byte> _document = new();
    private readonly Dictionary<VirtualServerKey, ServiceLayout> _programmed = [];
    private IReadOnlyDictionary<uint, ConnectionCount> _counts = new Dictionary<uint, ConnectionCount>();
    private IReadOnlyList<ServicePlan> _desired = [];
    private bool _bootstrapped;
    private uint _nextBackend;
    private int _nextService;

    /// <summary>Takes ownership of an open session, conntrack counter and next-hop lookup.</summary>
    public NftablesDataPlane(NftablesSession session, ConntrackCounter conntrack, NextHopLookup nextHops)
    {
        _session = session;
        _conntrack = conntrack;
        _nextHops = nextHops;
    }

    /// <inheritdoc />
    public string Name => "nftables";

    /// <inheritdoc />
    public string? Unsupported(VirtualServerDefinition service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var methods = service.RealServers.Select(r => r.Method).Append(service.Method).Distinct().ToList();
        if (methods.Contains(ForwardingMethod.Tunnel))
        {
            return "lb_kind TUN needs kernel IPVS (data_plane ipvs); nftables cannot encapsulate";
        }

        if (methods.Count > 1)
        {
            return "real servers mixing NAT and DR in one service need kernel IPVS (data_plane ipvs)";
        }

        if (service.Method == ForwardingMethod.DirectRouting && service.Endpoints.Any(e => e.Kind == VirtualServerKind.Fwmark))
        {
            return "a DR fwmark service needs kernel IPVS (data_plane ipvs): marks are set after netdev ingress, where DR forwards";
        }

        return service.OnePacketScheduling ? "ops (one-packet scheduling) needs kernel IPVS; nftables schedules per conntrack flow" : null;
    }

    /// <inheritdoc />
    public async Task ApplyAsync(IReadOnlyList<ServicePlan> desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ApplyLocked(desired);
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
            if (!_bootstrapped)
            {
                return [];
            }

            var counters = NftablesCounters.Parse(Run(NftablesRenderer.ListTable()));
            var counts = _conntrack.CountByMark(NftablesRenderer.MarkTag, NftablesRenderer.MarkMask);
            _counts = counts.ToDictionary(c => c.Key & ~NftablesRenderer.MarkMask, c => c.Value);
            var result = new List<BackendCounters>();
            foreach (var (key, layout) in _programmed)
            {
                foreach (var backend in layout.Known)
                {
                    var connections = _counts.GetValueOrDefault(backend.Id);
                    var made = counters.GetValueOrDefault($"c_{backend.Id}");
                    var inbound = counters.GetValueOrDefault($"i_{backend.Id}");
                    var outbound = counters.GetValueOrDefault($"o_{backend.Id}");
                    result.Add(new BackendCounters(key, backend.Plan.Server, connections.Established, connections.Other, made.Packets,
                        inbound.Packets, outbound.Packets, inbound.Bytes, outbound.Bytes));
                }
            }

            if (_direct.Count > 0)
            {
                var direct = NftablesCounters.Parse(Run(DirectRoutingRenderer.ListTable()));
                foreach (var service in _direct)
                {
                    foreach (var backend in service.Backends)
                    {
                        var seen = direct.GetValueOrDefault($"d_{backend.Id}");
                        result.Add(new BackendCounters(service.Service.Key, backend.Plan.Server, 0, 0, 0, seen.Packets, 0, seen.Bytes, 0));
                    }
                }
            }

            // The lc family follows the counts just read: only services whose shares moved are rewritten.
            if (_programmed.Values.Any(l => l.Spread == SpreadKind.Random))
            {
                ApplyLocked(_desired);
            }

            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_bootstrapped)
            {
                try
                {
                    _session.Run(NftJson.Document(DirectRoutingRenderer.Rebuild([]).Prepend(NftablesRenderer.DeleteTable())));
                }
                catch (NftablesException)
                {
                    // Someone removed the table already; there is nothing left to release.
                }
            }

            _session.Dispose();
            _conntrack.Dispose();
            _nextHops.Dispose();
        }
        finally
        {
            _gate.Release();
        }
    }

    private void ApplyLocked(IReadOnlyList<ServicePlan> requested)
    {
        var commands = new List<JsonNode>();
        var (direct, directIds, nextBackendAfterDirect) = DirectRouting(requested);
        if (!_bootstrapped)
        {
            commands.AddRange(NftablesRenderer.Bootstrap());
        }

        var next = new Dictionary<VirtualServerKey, ServiceLayout>(requested.Count);
        var nextBackend = nextBackendAfterDirect;
        var nextService = _nextService;
        foreach (var requestedPlan in requested)
        {
            // DR backends are forwarded in netdev ingress; the inet table keeps the rest (a loopback sorry server among them).
            var plan = requestedPlan.Backends.Any(IsDirect) ? requestedPlan with { Backends = requestedPlan.Backends.Where(b => !IsDirect(b)).ToList() } : requestedPlan;
            var key = plan.Service.Key;
            var previous = _programmed.GetValueOrDefault(key);

            // A change usually touches one service of many: the others, unless conntrack's counts steer them, keep their layout.
            if (previous is not null && previous.Spread != SpreadKind.Random && previous.Plan.Equals(plan))
            {
                next[key] = previous;
                continue;
            }

            if (previous is not null && !SameShape(previous.Plan.Service, plan.Service))
            {
                Remove(previous, commands);
                previous = null;
            }

            var held = new Dictionary<RealServerKey, uint>();
            foreach (var backend in previous?.Held ?? [])
            {
                held.TryAdd(backend.Plan.Server, backend.Id);
            }

            uint IdOf(RealServerKey server)
            {
                if (!held.TryGetValue(server, out var id))
                {
                    held[server] = id = ++nextBackend;
                }

                return id;
            }

            var layout = LayoutPlanner.Layout(plan, previous?.ServiceId ?? ++nextService, previous?.Generation ?? 1, IdOf, previous, _counts);
            if (previous is not null && previous.SameRules(layout))
            {
                next[key] = previous;
                continue;
            }

            if (previous is null)
            {
                Create(layout, commands);
            }
            else if (NftablesRenderer.SameBackendChains(previous.Plan.Service, plan.Service))
            {
                Rewrite(previous, layout, commands);
            }
            else
            {
                layout = layout with { Generation = previous.Generation + 1 };
                Replace(previous, layout, commands);
            }

            next[key] = layout;
        }

        foreach (var (key, layout) in _programmed)
        {
            if (!next.ContainsKey(key))
            {
                Remove(layout, commands);
            }
        }

        if (!direct.SequenceEqual(_direct))
        {
            commands.AddRange(DirectRoutingRenderer.Rebuild(direct));
        }

        if (commands.Count > 0)
        {
            Run(commands);
        }

        _bootstrapped = true;
        _desired = requested;
        _direct = direct;
        _directIds.Clear();
        foreach (var (entry, id) in directIds)
        {
            _directIds[entry] = id;
        }

        foreach (var gone in _hops.Keys.Where(a => direct.All(s => s.Backends.All(b => !b.Plan.Server.Address.Equals(a)))).ToList())
        {
            _hops.Remove(gone);
        }

        _nextBackend = nextBackend;
        _nextService = nextService;
        _programmed.Clear();
        foreach (var (key, layout) in next)
        {
            _programmed[key] = layout;
        }
    }

    private static bool IsDirect(BackendPlan backend) =>
        backend.Method == ForwardingMethod.DirectRouting && !System.Net.IPAddress.IsLoopback(backend.Server.Address);

    /// <summary>
    /// The DR services as netdev ingress must carry them: live DR backends with their next hops (resolved once per
    /// server address, throwing when one is not directly reachable) and hash buckets that stay with surviving servers.
    /// </summary>
    private (IReadOnlyList<DirectRoutingService> Services, Dictionary<(VirtualServerKey, RealServerKey), uint> Ids, uint NextBackend) DirectRouting(IReadOnlyList<ServicePlan> requested)
    {
        var services = new List<DirectRoutingService>();
        var ids = new Dictionary<(VirtualServerKey, RealServerKey), uint>();
        var next = _nextBackend;
        foreach (var plan in requested)
        {
            var live = plan.Backends.Where(b => IsDirect(b) && b.Weight > 0).ToList();
            if (live.Count == 0)
            {
                continue;
            }

            var key = plan.Service.Key;
            var backends = new List<DirectRoutingBackend>();
            foreach (var backend in live)
            {
                if (!_directIds.TryGetValue((key, backend.Server), out var id))
                {
                    id = ++next;
                }

                ids[(key, backend.Server)] = id;
                backends.Add(new DirectRoutingBackend(id, backend, Hop(backend.Server)));
            }

            var previous = _direct.FirstOrDefault(s => s.Service.Key == key)?.Buckets;
            var buckets = SlotPlanner.Buckets(backends.Select(b => (long)b.Id).ToList(), backends.Select(b => b.Plan.Weight).ToList(), previous);
            services.Add(new DirectRoutingService(plan.Service, backends, buckets));
        }

        return (services, ids, next);
    }

    private NextHop Hop(RealServerKey server)
    {
        if (_hops.TryGetValue(server.Address, out var hop))
        {
            return hop;
        }

        NextHop? found;
        string? error;
        try
        {
            (found, error) = _nextHops.Resolve(server.Address, ResolveWait);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or Vigil.Linux.OsException)
        {
            throw new DataPlaneException($"real server {server} cannot be reached by DR: {e.Message}");
        }

        if (found is null)
        {
            throw new DataPlaneException($"real server {server} cannot be reached by DR: {error}");
        }

        _hops[server.Address] = found;
        return found;
    }

    /// <summary>Whether a changed definition can keep its backends' sets and counters (persistence and family unchanged).</summary>
    private static bool SameShape(VirtualServerDefinition before, VirtualServerDefinition after) =>
        before.Persistence == after.Persistence && before.Key.Family == after.Key.Family;

    private static void Create(ServiceLayout layout, List<JsonNode> commands)
    {
        foreach (var backend in layout.Held)
        {
            commands.AddRange(NftablesRenderer.CreateBackend(backend.Id, layout.Plan.Service));
        }

        commands.AddRange(NftablesRenderer.CreateChains(layout));
        commands.AddRange(NftablesRenderer.Bind("add", layout.Plan.Service, layout.Chain));
    }

    /// <summary>
    /// The common change (weights, health, servers joining or leaving): the service chain's rules are replaced in
    /// place and only joining or leaving servers' chains are made or removed. Adding rules, deleting and touching map
    /// elements each make libnftables read the kernel's ruleset into its cache first, so a health change that is one
    /// flush and one rule costs a fraction of one that makes new chains and switches the maps to them.
    /// </summary>
    private static void Rewrite(ServiceLayout previous, ServiceLayout layout, List<JsonNode> commands)
    {
        var before = previous.Held.Select(b => b.Id).ToHashSet();
        foreach (var backend in layout.Held.Where(b => !before.Contains(b.Id)))
        {
            commands.AddRange(NftablesRenderer.CreateBackend(backend.Id, layout.Plan.Service));
            commands.AddRange(NftablesRenderer.CreateBackendChain(layout, backend));
        }

        commands.AddRange(NftablesRenderer.RewriteService(layout));
        if (!previous.Plan.Service.Endpoints.SequenceEqual(layout.Plan.Service.Endpoints))
        {
            commands.AddRange(NftablesRenderer.Bind("delete", previous.Plan.Service, previous.Chain));
            commands.AddRange(NftablesRenderer.Bind("add", layout.Plan.Service, layout.Chain));
        }

        var after = layout.Held.Select(b => b.Id).ToHashSet();
        foreach (var gone in previous.Held.Where(b => !after.Contains(b.Id)))
        {
            commands.AddRange(NftablesRenderer.DeleteBackendChain(previous, gone.Id));
            commands.AddRange(NftablesRenderer.DeleteBackend(gone.Id, previous.Plan.Service));
        }
    }

    /// <summary>What the backend chains say changed: the next generation's chains are made, the maps switched to them and the old ones removed.</summary>
    private static void Replace(ServiceLayout previous, ServiceLayout layout, List<JsonNode> commands)
    {
        var before = previous.Held.Select(b => b.Id).ToHashSet();
        foreach (var backend in layout.Held.Where(b => !before.Contains(b.Id)))
        {
            commands.AddRange(NftablesRenderer.CreateBackend(backend.Id, layout.Plan.Service));
        }

        commands.AddRange(NftablesRenderer.CreateChains(layout));
        commands.AddRange(NftablesRenderer.Bind("delete", previous.Plan.Service, previous.Chain));
        commands.AddRange(NftablesRenderer.Bind("add", layout.Plan.Service, layout.Chain));
        commands.AddRange(NftablesRenderer.DeleteChains(previous));
        var after = layout.Held.Select(b => b.Id).ToHashSet();
        foreach (var gone in previous.Held.Where(b => !after.Contains(b.Id)))
        {
            commands.AddRange(NftablesRenderer.DeleteBackend(gone.Id, previous.Plan.Service));
        }
    }

    private static void Remove(ServiceLayout layout, List<JsonNode> commands)
    {
        commands.AddRange(NftablesRenderer.Bind("delete", layout.Plan.Service, layout.Chain));
        commands.AddRange(NftablesRenderer.DeleteChains(layout));
        foreach (var backend in layout.Held)
        {
            commands.AddRange(NftablesRenderer.DeleteBackend(backend.Id, layout.Plan.Service));
        }
    }

    private string Run(string document)
    {
        try
        {
            return _session.Run(document);
        }
        catch (NftablesException e)
        {
            throw new DataPlaneException($"nftables refused the change: {e.Message}");
        }
    }

    private void Run(IEnumerable<JsonNode> commands)
    {
        _document.ResetWrittenCount();
        NftJson.Write(commands, _document);
        try
        {
            _session.Run(_document.WrittenSpan);
        }
        catch (NftablesException e)
        {
            throw new DataPlaneException($"nftables refused the change: {e.Message}");
        }
    }
}
