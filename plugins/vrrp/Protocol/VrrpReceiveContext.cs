using System.Net;

namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>What the socket tells about a received VRRP message besides its bytes.</summary>
/// <param name="Source">The IP source address (the sender's primary address).</param>
/// <param name="Destination">The IP destination (the multicast group, or our address for unicast).</param>
/// <param name="TtlOrHopLimit">IPv4 TTL or IPv6 hop limit; -1 when unknown (not checked).</param>
internal readonly record struct VrrpReceiveContext(IPAddress Source, IPAddress Destination, int TtlOrHopLimit);
