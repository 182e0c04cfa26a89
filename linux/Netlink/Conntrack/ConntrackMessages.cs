using System.Buffers.Binary;

namespace Vigil.Linux.Netlink.Conntrack;

/// <summary>
/// The ctnetlink messages the connection counter uses (<c>linux/netfilter/nfnetlink_conntrack.h</c>): a filtered dump
/// request and the decoding of its entries. Pure, so it is tested byte for byte.
/// </summary>
public static class ConntrackMessages
{
    /// <summary>NFNL_SUBSYS_CTNETLINK &lt;&lt; 8 | IPCTNL_MSG_CT_GET.</summary>
    public const ushort GetConntrack = (1 << 8) | 1;

    /// <summary>NFNL_SUBSYS_CTNETLINK &lt;&lt; 8 | IPCTNL_MSG_CT_NEW: what each dumped entry is.</summary>
    public const ushort NewConntrack = 1 << 8;

    /// <summary>The nfgenmsg header size.</summary>
    public const int HeaderSize = 4;

    private const ushort CtaTupleOrig = 1;
    private const ushort CtaProtoinfo = 4;
    private const ushort CtaMark = 8;
    private const ushort CtaMarkMask = 21;
    private const ushort CtaTupleProto = 2;
    private const ushort CtaProtoNum = 1;
    private const ushort CtaProtoinfoTcp = 1;
    private const ushort CtaProtoinfoTcpState = 1;
    private const byte TcpEstablished = 3;
    private const byte IpProtoTcp = 6;

    /// <summary>
    /// A dump of every connection (both address families) whose mark satisfies <c>mark &amp; mask == value</c>; the kernel
    /// filters, so only Vigil's connections cross into user space.
    /// </summary>
    public static byte[] DumpByMark(uint sequence, uint value, uint mask)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        Span<byte> be = stackalloc byte[4];
        var builder = new NetlinkMessageBuilder(GetConntrack, NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP, sequence).Append(header);
        BinaryPrimitives.WriteUInt32BigEndian(be, value);
        builder.Attribute(CtaMark, be);
        BinaryPrimitives.WriteUInt32BigEndian(be, mask);
        builder.Attribute(CtaMarkMask, be);
        return builder.ToArray();
    }

    /// <summary>One dumped entry's mark and whether it is an established TCP connection; null for other messages.</summary>
    public static (uint Mark, bool Established)? Decode(NetlinkMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Type != NewConntrack || message.Payload.Length < HeaderSize)
        {
            return null;
        }

        var attributes = NetlinkParser.Attributes(message.Payload, HeaderSize);
        if (!attributes.TryGetValue(CtaMark, out var markBytes) || markBytes.Length < 4)
        {
            return null;
        }

        var mark = BinaryPrimitives.ReadUInt32BigEndian(markBytes.Span);
        var tcp = attributes.TryGetValue(CtaTupleOrig, out var tuple)
            && NetlinkParser.Attributes(tuple, 0).TryGetValue(CtaTupleProto, out var proto)
            && NetlinkParser.Attributes(proto, 0).TryGetValue(CtaProtoNum, out var number)
            && number.Length >= 1 && number.Span[0] == IpProtoTcp;
        var established = tcp
            && attributes.TryGetValue(CtaProtoinfo, out var info)
            && NetlinkParser.Attributes(info, 0).TryGetValue(CtaProtoinfoTcp, out var tcpInfo)
            && NetlinkParser.Attributes(tcpInfo, 0).TryGetValue(CtaProtoinfoTcpState, out var state)
            && state.Length >= 1 && state.Span[0] == TcpEstablished;
        return (mark, established);
    }
}
