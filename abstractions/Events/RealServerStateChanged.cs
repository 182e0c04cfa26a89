namespace Vigil.Abstractions.Events;

/// <summary>A real server behind a virtual server went up or down.</summary>
/// <param name="VirtualServer">The virtual server as configured (<c>10.1.0.93 80</c>, <c>fwmark 1</c>).</param>
/// <param name="RealServer">The real server as configured (<c>10.1.0.69 80</c>).</param>
/// <param name="Up">True when it is now in service.</param>
/// <param name="Checker">The checker that decided (<c>HTTP_GET</c>, <c>TCP_CHECK</c>, …).</param>
/// <param name="Reason">Why, in words.</param>
public sealed record RealServerStateChanged(
    string VirtualServer,
    string RealServer,
    bool Up,
    string Checker,
    string Reason) : ClusterEvent;
