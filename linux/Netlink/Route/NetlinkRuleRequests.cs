using System.Buffers.Binary;
using System.Net.Sockets;
using Vigil.Linux.Sockets;
using static Vigil.Linux.Netlink.NetlinkConstants;
using static Vigil.Linux.Netlink.Route.RouteConstants;

namespace Vigil.Linux.Netlink.Route;

/// <summary>
/// Builds RTM_NEWRULE / RTM_DELRULE: struct fib_rule_hdr then FRA_* attributes, as ip-rule(8) and keepalived send them.
/// Pure code, covered by golden-bytes tests.
/// </summary>
internal static class NetlinkRuleRequests
{
    private const ushort Ack = NLM_F_REQUEST | NLM_F_ACK;

    /// <summary>Adds a rule; an identical existing rule answers EEXIST.</summary>
    public static byte[] AddRule(uint sequence, RuleSpec spec) => Rule(RTM_NEWRULE, Ack | NLM_F_CREATE | NLM_F_EXCL, sequence, spec);

    /// <summary>Deletes the rule matching every selector given; a missing rule answers ENOENT.</summary>
    public static byte[] DeleteRule(uint sequence, RuleSpec spec) => Rule(RTM_DELRULE, Ack, sequence, spec);

    private static byte[] Rule(ushort type, ushort flags, uint sequence, RuleSpec spec)
    {
        var lookup = spec.Action == RuleAction.Table && !spec.L3mdev;
        Span<byte> header = stackalloc byte[12];
        header[0] = (byte)(spec.Family == AddressFamily.InterNetworkV6 ? LinuxConstants.AF_INET6 : LinuxConstants.AF_INET);
        header[1] = spec.Destination is null ? (byte)0 : (byte)spec.DestinationLength;
        header[2] = spec.Source is null ? (byte)0 : (byte)spec.SourceLength;
        header[3] = spec.Tos;
        header[4] = lookup && spec.Table < 256 ? (byte)spec.Table : (byte)0;
        header[7] = (byte)spec.Action;
        BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(8), spec.Invert ? FIB_RULE_INVERT : 0);
        var builder = new NetlinkMessageBuilder(type, flags, sequence).Append(header);
        if (lookup && spec.Table >= 256)
        {
            builder.AttributeU32(FRA_TABLE, spec.Table);
        }

        if (spec.Source is { } source)
        {
            builder.Attribute(FRA_SRC, source.GetAddressBytes());
        }

        if (spec.Destination is { } destination)
        {
            builder.Attribute(FRA_DST, destination.GetAddressBytes());
        }

        Optional(builder, FRA_PRIORITY, spec.Priority);
        Optional(builder, FRA_FWMARK, spec.FwMark);
        Optional(builder, FRA_FWMASK, spec.FwMask);
        Optional(builder, FRA_SUPPRESS_PREFIXLEN, spec.SuppressPrefixLength);
        Optional(builder, FRA_SUPPRESS_IFGROUP, spec.SuppressIfGroup);
        if (spec.InputInterface is { } iif)
        {
            builder.AttributeString(FRA_IIFNAME, iif);
        }

        if (spec.OutputInterface is { } oif)
        {
            builder.AttributeString(FRA_OIFNAME, oif);
        }

        if (spec.UidRange is { } uids)
        {
            Span<byte> range = stackalloc byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(range, uids.Start);
            BinaryPrimitives.WriteUInt32LittleEndian(range.Slice(4), uids.End);
            builder.Attribute(FRA_UID_RANGE, range);
        }

        if (spec.L3mdev)
        {
            builder.Attribute(FRA_L3MDEV, [1]);
        }

        if (spec.Protocol is { } protocol)
        {
            builder.Attribute(FRA_PROTOCOL, [protocol]);
        }

        if (spec.IpProtocol is { } ipProtocol)
        {
            builder.Attribute(FRA_IP_PROTO, [ipProtocol]);
        }

        Ports(builder, FRA_SPORT_RANGE, spec.SourcePorts);
        Ports(builder, FRA_DPORT_RANGE, spec.DestinationPorts);
        if (spec.Action == RuleAction.Goto)
        {
            builder.AttributeU32(FRA_GOTO, spec.GotoTarget ?? 0);
        }

        return builder.ToArray();
    }

    private static void Optional(NetlinkMessageBuilder builder, ushort type, uint? value)
    {
        if (value is { } v)
        {
            builder.AttributeU32(type, v);
        }
    }

    /// <summary>struct fib_rule_port_range: two u16 in host order.</summary>
    private static void Ports(NetlinkMessageBuilder builder, ushort type, (ushort Start, ushort End)? ports)
    {
        if (ports is not { } range)
        {
            return;
        }

        Span<byte> payload = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(payload, range.Start);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.Slice(2), range.End);
        builder.Attribute(type, payload);
    }
}
