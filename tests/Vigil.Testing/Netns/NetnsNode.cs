using System.Net;

namespace Vigil.Testing.Netns;

/// <summary>One node of a lab: a namespace with one veth to the lab bridge.</summary>
/// <param name="Role">Short role given by the test (a, b, master…).</param>
/// <param name="Namespace">Namespace name (<c>vg</c> + 6 hex + role).</param>
/// <param name="Interface">Interface name inside the node namespace (eth0 by default, as keepalived configs expect).</param>
/// <param name="Ipv4">IPv4 address on the interface.</param>
/// <param name="Ipv4Prefix">Its prefix length.</param>
/// <param name="Ipv6">IPv6 address on the interface (added without DAD).</param>
/// <param name="BridgePort">The veth end inside the bridge namespace.</param>
public sealed record NetnsNode(string Role, string Namespace, string Interface, IPAddress Ipv4, int Ipv4Prefix, IPAddress Ipv6, string BridgePort);
