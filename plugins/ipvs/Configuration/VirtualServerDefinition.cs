using System.Net;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.Configuration;

/// <summary>One <c>virtual_server</c> block, validated, with its group's members resolved.</summary>
/// <remarks>Equal definitions (record equality over every member, lists compared item by item) mean nothing to reprogram on reload.</remarks>
public sealed record VirtualServerDefinition
{
    /// <summary>Its identity: an endpoint, a fwmark or a group.</summary>
    public required VirtualServerKey Key { get; init; }

    /// <summary>
    /// What the data plane matches: the key itself for an endpoint or fwmark service; one key per address (or fwmark)
    /// of the group for a group service, with the group's port where a member wrote none.
    /// </summary>
    public required IReadOnlyList<VirtualServerKey> Endpoints { get; init; }

    /// <summary>The protocol (<c>protocol</c>; TCP by default).</summary>
    public TransportProtocol Protocol { get; init; } = TransportProtocol.Tcp;

    /// <summary><c>delay_loop</c>: the checkers' interval, 60 s by default.</summary>
    public TimeSpan DelayLoop { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary><c>lb_algo</c>; <see cref="SchedulerAlgorithm.WeightedLeastConnection"/> by default.</summary>
    public SchedulerAlgorithm Algorithm { get; init; } = SchedulerAlgorithm.WeightedLeastConnection;

    /// <summary>The hashing schedulers' flags.</summary>
    public HashOptions Hashing { get; init; } = HashOptions.None;

    /// <summary><c>lb_kind</c>; NAT by default.</summary>
    public ForwardingMethod Method { get; init; } = ForwardingMethod.Nat;

    /// <summary><c>persistence_timeout</c>, or null for none (a bare keyword means 360 s).</summary>
    public TimeSpan? Persistence { get; init; }

    /// <summary><c>persistence_granularity</c>: the mask clients are grouped by for persistence (null: the whole address).</summary>
    public IPAddress? PersistenceGranularity { get; init; }

    /// <summary><c>ops</c>: one-packet scheduling (UDP), each datagram scheduled on its own.</summary>
    public bool OnePacketScheduling { get; init; }

    /// <summary><c>sorry_server</c>: who serves when quorum is lost, or null.</summary>
    public RealServerKey? SorryServer { get; init; }

    /// <summary><c>sorry_server_inhibit</c>: keep the sorry server at weight 0 while quorum holds, instead of absent.</summary>
    public bool SorryServerInhibit { get; init; }

    /// <summary><c>quorum</c>: the summed weight of live real servers the service needs (default 1).</summary>
    public int Quorum { get; init; } = 1;

    /// <summary><c>hysteresis</c>: quorum is gained at quorum + hysteresis and lost below quorum − hysteresis.</summary>
    public int Hysteresis { get; init; }

    /// <summary><c>alpha</c>: real servers with checkers start down until a check passes.</summary>
    public bool Alpha { get; init; }

    /// <summary><c>omega</c>: on removal of the service, run the real servers' and quorum's down notifications.</summary>
    public bool Omega { get; init; }

    /// <summary><c>ha_suspend</c>: program the service only while this node holds its address as a VRRP VIP.</summary>
    public bool HaSuspend { get; init; }

    /// <summary><c>virtualhost</c>: the HTTP host checkers send, unless a real server or url sets its own.</summary>
    public string? Virtualhost { get; init; }

    /// <summary>The real servers, in configuration order.</summary>
    public IReadOnlyList<RealServerDefinition> RealServers { get; init; } = [];

    /// <summary>Where it is declared.</summary>
    public SourceLocation? Location { get; init; }

    /// <inheritdoc />
    public bool Equals(VirtualServerDefinition? other) =>
        other is not null
        && Key == other.Key
        && Endpoints.SequenceEqual(other.Endpoints)
        && Protocol == other.Protocol
        && DelayLoop == other.DelayLoop
        && Algorithm == other.Algorithm
        && Hashing == other.Hashing
        && Method == other.Method
        && Persistence == other.Persistence
        && Equals(PersistenceGranularity, other.PersistenceGranularity)
        && OnePacketScheduling == other.OnePacketScheduling
        && SorryServer == other.SorryServer
        && SorryServerInhibit == other.SorryServerInhibit
        && Quorum == other.Quorum
        && Hysteresis == other.Hysteresis
        && Alpha == other.Alpha
        && Omega == other.Omega
        && HaSuspend == other.HaSuspend
        && Virtualhost == other.Virtualhost
        && RealServers.Select(r => r with { Location = null }).SequenceEqual(other.RealServers.Select(r => r with { Location = null }));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, Algorithm, Method, RealServers.Count);
}
