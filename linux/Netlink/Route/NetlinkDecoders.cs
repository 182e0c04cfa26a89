using System.Buffers.Binary;
using System.Net;
using static Vigil.Linux.Netlink.Route.RouteConstants;

namespace Vigil.Linux.Netlink.Route;

/// <summary>Turns RTM_NEWLINK / RTM_NEWADDR payloads into records. Pure code.</summary>
internal static class NetlinkDecoders
{
    private const int LinkHeaderSize = 16;
    private const int AddressHeaderSize = 8;

    /// <summary>Decodes an RTM_NEWLINK or RTM_DELLINK message; null for other types or short payloads.</summary>
    public static LinkInfo? Link(NetlinkMessage message)
    {
        if (message.Type is not (RTM_NEWLINK or RTM_DELLINK) || message.Payload.Length < LinkHeaderSize)
        {
            return null;
        }

        var span = message.Payload.Span;
        var index = BinaryPrimitives.ReadInt32LittleEndian(span.Slice(4));
        var flags = BinaryPrimitives.ReadUInt32LittleEndian(span.Slice(8));
        var attributes = NetlinkParser.Attributes(message.Payload, LinkHeaderSize);
        var name = attributes.TryGetValue(IFLA_IFNAME, out var n) ? NetlinkParser.String(n) : string.Empty;
        var operState = attributes.TryGetValue(IFLA_OPERSTATE, out var o) && o.Length > 0 ? o.Span[0] : (byte)0;
        var mac = attributes.TryGetValue(IFLA_ADDRESS, out var a) ? a.ToArray() : [];
        return new LinkInfo(index, name, flags, operState, mac, message.Type == RTM_DELLINK);
    }

    /// <summary>Decodes an RTM_NEWADDR message; null for other types or short payloads.</summary>
    public static AddressInfo? Address(NetlinkMessage message)
    {
        if (message.Type != RTM_NEWADDR || message.Payload.Length < AddressHeaderSize)
        {
            return null;
        }

        var span = message.Payload.Span;
        var attributes = NetlinkParser.Attributes(message.Payload, AddressHeaderSize);
        var raw = attributes.TryGetValue(IFA_LOCAL, out var local) ? local
            : attributes.TryGetValue(IFA_ADDRESS, out var address) ? address
            : ReadOnlyMemory<byte>.Empty;
        if (raw.Length is not (4 or 16))
        {
            return null;
        }

        var flags = attributes.TryGetValue(IFA_FLAGS, out var f) && f.Length >= 4
            ? BinaryPrimitives.ReadUInt32LittleEndian(f.Span)
            : span[2];
        var label = attributes.TryGetValue(IFA_LABEL, out var l) ? NetlinkParser.String(l) : null;
        return new AddressInfo(
            BinaryPrimitives.ReadInt32LittleEndian(span.Slice(4)),
            new IPAddress(raw.Span),
            span[1],
            span[3],
            label,
            flags);
    }
}
