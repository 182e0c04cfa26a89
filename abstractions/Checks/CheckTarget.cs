using System.Net;

namespace Vigil.Abstractions.Checks;

/// <summary>The real server a check probes.</summary>
/// <param name="Address">The real server's address.</param>
/// <param name="Port">The real server's port (0 for fwmark services without one).</param>
/// <param name="Name">The real server as configured, for messages (<c>10.1.0.69 80</c>).</param>
public sealed record CheckTarget(IPAddress Address, int Port, string Name);
