using System.Net;

namespace Vigil.Linux.Netlink.Route;

/// <summary>An address found on a link by RTM_GETADDR.</summary>
/// <param name="InterfaceIndex">Link the address is on.</param>
/// <param name="Address">IPv4 or IPv6 address (IFA_LOCAL, else IFA_ADDRESS).</param>
/// <param name="PrefixLength">Prefix length.</param>
/// <param name="Scope">rtnetlink scope: 0 global, 200 site, 253 link, 254 host.</param>
/// <param name="Label">IPv4 label such as <c>eth0:1</c>, or null.</param>
/// <param name="Flags">IFA_F_* flags (IFA_FLAGS when present, else the header's 8 bits).</param>
public sealed record AddressInfo(int InterfaceIndex, IPAddress Address, int PrefixLength, byte Scope, string? Label, uint Flags);
