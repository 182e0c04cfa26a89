using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.State;

/// <summary>Whether a virtual server can serve: the summed weight of its live real servers against its <c>quorum</c>.</summary>
/// <param name="VirtualServer">The virtual server.</param>
/// <param name="Up">True while quorum holds (gained at quorum + hysteresis, lost below quorum − hysteresis).</param>
/// <param name="LiveWeight">The summed weight of its live real servers.</param>
/// <param name="Quorum">The configured quorum.</param>
/// <param name="Programmed">True while this node forwards the service (false while <c>ha_suspend</c> holds it back).</param>
public sealed record VirtualServerQuorum(VirtualServerKey VirtualServer, bool Up, int LiveWeight, int Quorum, bool Programmed);
