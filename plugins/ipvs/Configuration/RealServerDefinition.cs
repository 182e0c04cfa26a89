using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.Configuration;

/// <summary>One <c>real_server</c> block of a virtual server, validated.</summary>
/// <param name="Key">Its address and port.</param>
/// <param name="Weight">The configured weight (0–65535; keepalived's default 1).</param>
/// <param name="InhibitOnFailure">When down, keep it at weight 0 instead of removing it (its own or the virtual server's).</param>
/// <param name="Method">Its forwarding method (a real server may override the virtual server's <c>lb_kind</c>).</param>
/// <param name="CheckerCount">How many checker blocks it has; with none it is up from the start and stays up.</param>
/// <param name="Location">Where it is declared, for errors and status.</param>
public sealed record RealServerDefinition(
    RealServerKey Key,
    int Weight,
    bool InhibitOnFailure,
    ForwardingMethod Method,
    int CheckerCount,
    SourceLocation? Location);
