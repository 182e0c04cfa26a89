using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.State;

/// <summary>What the checkers concluded about one real server of one virtual server (all its checkers together).</summary>
/// <param name="VirtualServer">The virtual server.</param>
/// <param name="RealServer">The real server.</param>
/// <param name="Up">True when every checker of the real server passes.</param>
/// <param name="Weight">The effective weight: the configured one, or the one a dynamic checker set (<c>misc_dynamic</c>).</param>
/// <param name="Checker">The checker that decided the last change (<c>HTTP_GET</c>, …).</param>
/// <param name="Reason">Why, in words (<c>connect timeout</c>, <c>bad status 503</c>, <c>exit code 3</c>).</param>
public sealed record RealServerHealth(
    VirtualServerKey VirtualServer,
    RealServerKey RealServer,
    bool Up,
    int Weight,
    string Checker,
    string Reason);
