using System.Net;

namespace Vigil.Linux.Netlink.Route;

/// <summary>A route as keepalived's virtual_routes line describes it (<c>10.0.0.0/8 via 192.168.1.1 dev eth0 table 100 metric 5</c>).</summary>
/// <param name="Destination">Network address; use 0.0.0.0 / :: with prefix 0 for a default route.</param>
/// <param name="PrefixLength">Destination prefix length.</param>
/// <param name="Gateway">Next hop, or null for a directly connected route.</param>
/// <param name="InterfaceIndex">Output link, or null to let the gateway decide.</param>
/// <param name="Table">Routing table id; 254 is main. Defaults to main.</param>
/// <param name="Metric">Route priority, or null for none.</param>
/// <param name="Scope">rtnetlink scope; null means link scope without a gateway and global with one, as ip(8) does.</param>
/// <param name="PreferredSource">Preferred source address (<c>src</c>), or null.</param>
public sealed record RouteSpec(
    IPAddress Destination,
    int PrefixLength,
    IPAddress? Gateway = null,
    int? InterfaceIndex = null,
    uint Table = RouteConstants.RT_TABLE_MAIN,
    uint? Metric = null,
    byte? Scope = null,
    IPAddress? PreferredSource = null);
