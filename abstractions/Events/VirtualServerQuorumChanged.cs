using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Events;

/// <summary>A virtual server gained or lost quorum (the summed weight of live real servers crossed <c>quorum</c>).</summary>
/// <param name="VirtualServer">The virtual server.</param>
/// <param name="Up">True when quorum is now met.</param>
/// <param name="LiveWeight">The summed weight of live real servers.</param>
/// <param name="Quorum">The configured quorum.</param>
public sealed record VirtualServerQuorumChanged(
    VirtualServerKey VirtualServer,
    bool Up,
    int LiveWeight,
    int Quorum) : ClusterEvent;
