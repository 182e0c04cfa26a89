using System.Collections.Frozen;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.DataPlanes;

namespace Vigil.Plugins.Ipvs.Engine;

/// <summary>
/// The data plane's counters as last read, for status, <c>vigil rs list</c> and the metrics, which must answer at once
/// and never wait on the kernel.
/// </summary>
internal sealed class CounterCache
{
    private volatile FrozenDictionary<(VirtualServerKey, RealServerKey), BackendCounters> _counters =
        FrozenDictionary<(VirtualServerKey, RealServerKey), BackendCounters>.Empty;

    /// <summary>Every server's counters as last read.</summary>
    public IEnumerable<BackendCounters> All => _counters.Values;

    /// <summary>One server's counters, or null when the plane has not reported it.</summary>
    public BackendCounters? Get(VirtualServerKey service, RealServerKey server) =>
        _counters.TryGetValue((service, server), out var c) ? c : null;

    /// <summary>Replaces the cache with a fresh reading.</summary>
    public void Update(IEnumerable<BackendCounters> counters) =>
        _counters = counters.ToFrozenDictionary(c => (c.Service, c.Server));
}
