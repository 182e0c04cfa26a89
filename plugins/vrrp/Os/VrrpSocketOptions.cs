using System.Net;
using System.Net.Sockets;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>How one VRRP instance talks on one interface.</summary>
internal sealed record VrrpSocketOptions
{
    /// <summary>The IPv4 VRRP multicast group (RFC 5798).</summary>
    public static readonly IPAddress DefaultGroupV4 = IPAddress.Parse("224.0.0.18");

    /// <summary>The IPv6 VRRP multicast group (RFC 5798).</summary>
    public static readonly IPAddress DefaultGroupV6 = IPAddress.Parse("ff02::12");

    /// <summary>Interface to bind to (SO_BINDTODEVICE), resolved in the opening thread's network namespace.</summary>
    public required string InterfaceName { get; init; }

    /// <summary>InterNetwork or InterNetworkV6.</summary>
    public AddressFamily Family { get; init; } = AddressFamily.InterNetwork;

    /// <summary>Multicast group to join and advertise to; defaults to 224.0.0.18 or ff02::12.</summary>
    public IPAddress? MulticastGroup { get; init; }

    /// <summary>
    /// When true no group is joined: adverts go to unicast peers only. Defaults to false.
    /// </summary>
    public bool Unicast { get; init; }

    /// <summary>
    /// Source address for sending (unicast_src_ip / mcast_src_ip); bound on the send socket only, so receiving is
    /// unaffected. Null lets the kernel choose the interface's primary address.
    /// </summary>
    public IPAddress? SourceAddress { get; init; }

    /// <summary>
    /// Receive IPsec-AH protocol (51) packets instead of VRRP (112): with AH authentication the IP protocol field is AH.
    /// Defaults to false.
    /// </summary>
    public bool AuthenticationHeader { get; init; }

    /// <summary>
    /// IPv6 only: let the kernel compute and verify the VRRP checksum (IPV6_CHECKSUM at offset 6), as keepalived does.
    /// Defaults to false (the codec computes it).
    /// </summary>
    public bool KernelChecksumV6 { get; init; }

    /// <summary>The group actually used.</summary>
    public IPAddress Group => MulticastGroup ?? (Family == AddressFamily.InterNetworkV6 ? DefaultGroupV6 : DefaultGroupV4);
}
