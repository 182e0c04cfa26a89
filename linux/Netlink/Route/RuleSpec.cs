using System.Net;
using System.Net.Sockets;

namespace Vigil.Linux.Netlink.Route;

/// <summary>
/// A policy routing rule as ip-rule(8) (and keepalived's virtual_rules / static_rules lines) describe it
/// (<c>from 192.168.28.0/24 to 10.0.0.0/8 iif eth0 fwmark 0x10/0xff preference 100 table 1</c>).
/// </summary>
/// <param name="Family">IPv4 or IPv6; from/to decide it, else <c>inet6</c>, else IPv4.</param>
/// <param name="Action">What the rule does.</param>
/// <param name="Table">Table looked up when <see cref="Action"/> is <see cref="RuleAction.Table"/> (254 is main); 0 with l3mdev.</param>
/// <param name="Priority">preference / priority / order; null lets the kernel pick one.</param>
/// <param name="Source">from, or null for all.</param>
/// <param name="SourceLength">Prefix length of <see cref="Source"/>.</param>
/// <param name="Destination">to, or null for all.</param>
/// <param name="DestinationLength">Prefix length of <see cref="Destination"/>.</param>
/// <param name="Invert">not: the rule applies when the selector does not match.</param>
/// <param name="Tos">tos / dsfield. Defaults to 0 (any).</param>
/// <param name="FwMark">fwmark, or null.</param>
/// <param name="FwMask">fwmark's /mask, or null for the kernel's all-ones.</param>
/// <param name="InputInterface">iif / dev, or null.</param>
/// <param name="OutputInterface">oif, or null.</param>
/// <param name="GotoTarget">goto's target preference when <see cref="Action"/> is <see cref="RuleAction.Goto"/>.</param>
/// <param name="SuppressPrefixLength">suppress_prefixlength, or null.</param>
/// <param name="SuppressIfGroup">suppress_ifgroup, or null.</param>
/// <param name="L3mdev">l3mdev: look up the table of the device's L3 master.</param>
/// <param name="UidRange">uidrange START-END, or null.</param>
/// <param name="Protocol">protocol (who installed the rule), or null.</param>
/// <param name="IpProtocol">ipproto, or null.</param>
/// <param name="SourcePorts">sport START[-END], or null.</param>
/// <param name="DestinationPorts">dport START[-END], or null.</param>
public sealed record RuleSpec(
    AddressFamily Family,
    RuleAction Action,
    uint Table = RouteConstants.RT_TABLE_MAIN,
    uint? Priority = null,
    IPAddress? Source = null,
    int SourceLength = 0,
    IPAddress? Destination = null,
    int DestinationLength = 0,
    bool Invert = false,
    byte Tos = 0,
    uint? FwMark = null,
    uint? FwMask = null,
    string? InputInterface = null,
    string? OutputInterface = null,
    uint? GotoTarget = null,
    uint? SuppressPrefixLength = null,
    uint? SuppressIfGroup = null,
    bool L3mdev = false,
    (uint Start, uint End)? UidRange = null,
    byte? Protocol = null,
    byte? IpProtocol = null,
    (ushort Start, ushort End)? SourcePorts = null,
    (ushort Start, ushort End)? DestinationPorts = null);
