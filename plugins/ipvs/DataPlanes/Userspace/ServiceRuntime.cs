using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.Scheduling;

namespace Vigil.Plugins.Ipvs.DataPlanes.Userspace;

/// <summary>
/// One service as the forwarder runs it: its plan, scheduler, persistence templates and the state of each server.
/// <see cref="Apply"/> publishes a new immutable <see cref="Snapshot"/> in one write, so connections being scheduled
/// see either the old server set or the new one, and open connections are never touched.
/// </summary>
internal sealed class ServiceRuntime(TimeProvider time)
{
    private Snapshot _snapshot = Snapshot.Empty;
    private ServicePlan? _plan;

    /// <summary>The service.</summary>
    public VirtualServerKey Key => Volatile.Read(ref _snapshot).Service;

    /// <summary>The plan last applied.</summary>
    public ServicePlan? Plan => _plan;

    /// <summary>Every server of the current plan.</summary>
    public IEnumerable<BackendState> Backends => Volatile.Read(ref _snapshot).States.Values;

    /// <summary>Makes <paramref name="plan"/> current; servers that stay keep their counts and counters.</summary>
    public void Apply(ServicePlan plan)
    {
        var old = Volatile.Read(ref _snapshot);
        var definition = plan.Service;
        var scheduler = old.Scheduler is not null && _plan is not null
            && _plan.Service.Algorithm == definition.Algorithm && _plan.Service.Hashing == definition.Hashing
            ? old.Scheduler
            : Schedulers.Create(definition.Algorithm, definition.Hashing, time);
        var persistence = definition.Persistence is not { } timeout
            ? null
            : old.Persistence is { } kept && kept.Timeout == timeout && Equals(kept.Granularity, definition.PersistenceGranularity)
                ? kept
                : new PersistenceTable(timeout, definition.PersistenceGranularity, time);

        var states = new Dictionary<RealServerKey, BackendState>();
        var backends = new SchedulerBackend[plan.Backends.Count];
        for (var i = 0; i < plan.Backends.Count; i++)
        {
            var backend = plan.Backends[i];
            if (!old.States.TryGetValue(backend.Server, out var state))
            {
                state = new BackendState(backend.Server, backend.Weight);
            }
            else if (state.Current.Weight != backend.Weight)
            {
                state.Reweight(backend.Weight);
            }

            states[backend.Server] = state;
            backends[i] = state.Current;
        }

        _plan = plan;
        Volatile.Write(ref _snapshot, new Snapshot(definition.Key, definition.OnePacketScheduling, backends, states, scheduler, persistence));
    }

    /// <summary>The server for a new connection or flow, or null when none can take it.</summary>
    public Lease? Choose(in FlowKey flow)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        var persistence = snapshot.Persistence;
        UInt128 key = 0;
        if (persistence is not null)
        {
            key = persistence.KeyOf(flow.Source);
            if (persistence.Find(key) is { } server)
            {
                if (snapshot.States.TryGetValue(server, out var held) && held.Current.Weight > 0)
                {
                    return new Lease(held, persistence, key);
                }

                persistence.Forget(key);
            }
        }

        var chosen = snapshot.Scheduler?.Pick(snapshot.Backends, flow);
        if (chosen is null || !snapshot.States.TryGetValue(chosen.Server, out var state))
        {
            return null;
        }

        persistence?.Remember(key, state.Server);
        return new Lease(state, persistence, key);
    }

    /// <summary>Whether each datagram is scheduled on its own (<c>ops</c>).</summary>
    public bool OnePacketScheduling => Volatile.Read(ref _snapshot).OnePacket;

    /// <summary>What one apply published.</summary>
    private sealed record Snapshot(
        VirtualServerKey Service,
        bool OnePacket,
        SchedulerBackend[] Backends,
        IReadOnlyDictionary<RealServerKey, BackendState> States,
        IScheduler? Scheduler,
        PersistenceTable? Persistence)
    {
        public static Snapshot Empty { get; } = new(VirtualServerKey.ForFwmark(1), false, [], new Dictionary<RealServerKey, BackendState>(), null, null);
    }
}
