using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Linux.Netlink.Route;

/// <summary>
/// The rtnetlink messages that find how a neighbour is reached: a route lookup (RTM_GETROUTE for one destination) and a
/// neighbour-table dump (RTM_GETNEIGH), with their decoders. Pure.
/// </summary>
public static class NextHopMessages
{
    private const ushort RtmGetRoute = 26;
    private const ushort RtmNewNeigh = 28;
    private const ushort RtmGetNeigh = 30;
    private const ushort NdaDst = 1;
    private const ushort NdaLladdr = 2;
    private const int RtMsgSize = 12;
    private const int NdMsgSize = 12;

    /// <summary>Neighbour states in which the link-layer address is usable (REACHABLE, STALE, DELAY, PROBE, NOARP, PERMANENT).</summary>
    private const ushort UsableStates = 0x02 | 0x04 | 0x08 | 0x10 | 0x40 | 0x80;

    /// <summary>RTM_GETROUTE for exactly <paramref name="destination"/>: the kernel answers with the route it would use.</summary>
    public static byte[] GetRoute(uint sequence, IPAddress destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var bytes = destination.GetAddressBytes();
        Span<byte> header = stackalloc byte[RtMsgSize];
        header[0] = (byte)(destination.AddressFamily == AddressFamily.InterNetworkV6 ? 10 : 2);
        header[1] = (byte)(bytes.Length * 8);
        return new NetlinkMessageBuilder(RtmGetRoute, NetlinkConstants.NLM_F_REQUEST, sequence)
            .Append(header)
            .Attribute(RouteConstants.RTA_DST, bytes)
            .ToArray();
    }

    /// <summary>The output interface and gateway (null when directly connected) of a route reply; null for other messages.</summary>
    public static (int Interface, IPAddress? Gateway)? DecodeRoute(NetlinkMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Type != RouteConstants.RTM_NEWROUTE || message.Payload.Length < RtMsgSize)
        {
            return null;
        }

        var attributes = NetlinkParser.Attributes(message.Payload, RtMsgSize);
        if (!attributes.TryGetValue(RouteConstants.RTA_OIF, out var oif) || NetlinkParser.UInt32(oif) is not { } index)
        {
            return null;
        }

        var gateway = attributes.TryGetValue(RouteConstants.RTA_GATEWAY, out var gw) && gw.Length is 4 or 16 ? new IPAddress(gw.Span) : null;
        return ((int)index, gateway);
    }

    /// <summary>RTM_GETNEIGH dump of one address family.</summary>
    public static byte[] DumpNeighbours(uint sequence, AddressFamily family)
    {
        Span<byte> header = stackalloc byte[NdMsgSize];
        header[0] = (byte)(family == AddressFamily.InterNetworkV6 ? 10 : 2);
        return new NetlinkMessageBuilder(RtmGetNeigh, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP, sequence)
            .Append(header)
            .ToArray();
    }

    /// <summary>A neighbour entry's interface, address and usable link-layer address; null for other messages or unusable entries.</summary>
    public static (int Interface, IPAddress Address, byte[] Mac)? DecodeNeighbour(NetlinkMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Type != RtmNewNeigh || message.Payload.Length < NdMsgSize)
        {
            return null;
        }

        var span = message.Payload.Span;
        var index = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
        var state = BinaryPrimitives.ReadUInt16LittleEndian(span[8..]);
        var attributes = NetlinkParser.Attributes(message.Payload, NdMsgSize);
        if ((state & UsableStates) == 0
            || !attributes.TryGetValue(NdaDst, out var dst) || dst.Length is not (4 or 16)
            || !attributes.TryGetValue(NdaLladdr, out var mac) || mac.Length != 6)
        {
            return null;
        }

        return (index, new IPAddress(dst.Span), mac.ToArray());
    }
}
