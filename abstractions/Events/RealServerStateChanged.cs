using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Events;

/// <summary>
/// A real server behind a virtual server went up or down. The control decision lives in the shared state
/// (<see cref="State.RealServerHealth"/>); this event tells notifications and logs.
/// </summary>
/// <param name="VirtualServer">The virtual server.</param>
/// <param name="RealServer">The real server.</param>
/// <param name="Up">True when it is now in service.</param>
/// <param name="Checker">The checker that decided (<c>HTTP_GET</c>, <c>TCP_CHECK</c>, …).</param>
/// <param name="Reason">Why, in words (<c>timeout</c>, <c>bad status 503</c>, <c>exit code 3</c>).</param>
public sealed record RealServerStateChanged(
    VirtualServerKey VirtualServer,
    RealServerKey RealServer,
    bool Up,
    string Checker,
    string Reason) : ClusterEvent;
