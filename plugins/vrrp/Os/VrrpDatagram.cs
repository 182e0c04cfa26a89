using System.Net;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>
/// One received VRRP (or AH) packet. <paramref name="Payload"/> starts after the IP header: the VRRP header, or the AH
/// header when the socket receives protocol 51. <paramref name="IpHeader"/> is the IPv4 header (empty for IPv6, whose
/// raw sockets never see it) and is needed to verify AH.
/// </summary>
internal sealed record VrrpDatagram(
    IPAddress Source,
    IPAddress Destination,
    int Ttl,
    int Protocol,
    ReadOnlyMemory<byte> Payload,
    ReadOnlyMemory<byte> IpHeader);
