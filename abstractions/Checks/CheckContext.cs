using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Checks;

/// <summary>The real server a check belongs to and what it inherits from its virtual server.</summary>
/// <param name="VirtualServer">The virtual server.</param>
/// <param name="RealServer">The real server.</param>
/// <param name="Protocol">The virtual server's protocol.</param>
/// <param name="Weight">The real server's configured weight.</param>
/// <param name="VirtualHost">The <c>virtualhost</c> written in the real or the virtual server (the real server's wins), or null.</param>
public sealed record CheckContext(
    VirtualServerKey VirtualServer,
    RealServerKey RealServer,
    TransportProtocol Protocol,
    int Weight,
    string? VirtualHost);
