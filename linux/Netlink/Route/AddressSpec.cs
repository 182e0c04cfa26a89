using System.Net;

namespace Vigil.Linux.Netlink.Route;

/// <summary>
/// An address to add to or remove from a link, as keepalived's virtual_ipaddress line describes it
/// (<c>192.168.1.100/24 brd 192.168.1.255 dev eth0 scope global label eth0:1</c>).
/// </summary>
/// <param name="InterfaceIndex">Link the address lives on.</param>
/// <param name="Address">IPv4 or IPv6 address.</param>
/// <param name="PrefixLength">Prefix length (32 / 128 for a bare VIP).</param>
/// <param name="Broadcast">IPv4 broadcast address, or null for none.</param>
/// <param name="Label">IPv4 label such as <c>eth0:1</c>; ignored for IPv6.</param>
/// <param name="Scope">rtnetlink scope: 0 global, 200 site, 253 link, 254 host.</param>
/// <param name="NoDad">IPv6: skip duplicate address detection so the VIP is usable at once. Defaults to true.</param>
public sealed record AddressSpec(
    int InterfaceIndex,
    IPAddress Address,
    int PrefixLength,
    IPAddress? Broadcast = null,
    string? Label = null,
    byte Scope = 0,
    bool NoDad = true);
