using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.State;

/// <summary>An operator's decision about one real server that outranks its health (a rolling release's drain, say).</summary>
/// <param name="VirtualServer">The virtual server.</param>
/// <param name="RealServer">The real server.</param>
/// <param name="Drained">True: no new connections go to it; established ones finish.</param>
/// <param name="Weight">A weight that replaces the configured one, or null to keep it.</param>
/// <param name="Reason">Who or what asked, for status (<c>rollout batch 2</c>).</param>
public sealed record RealServerOverride(
    VirtualServerKey VirtualServer,
    RealServerKey RealServer,
    bool Drained,
    int? Weight,
    string Reason);
