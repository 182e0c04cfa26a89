using System.Buffers.Binary;
using static Vigil.Linux.Netlink.NetlinkConstants;

namespace Vigil.Linux.Netlink;

/// <summary>Splits a netlink datagram into messages and a payload into attributes. Pure code; tolerant of truncation.</summary>
public static class NetlinkParser
{
    /// <summary>Every complete message in <paramref name="datagram"/>.</summary>
    public static List<NetlinkMessage> Messages(ReadOnlyMemory<byte> datagram)
    {
        var messages = new List<NetlinkMessage>();
        var offset = 0;
        while (datagram.Length - offset >= HeaderSize)
        {
            var span = datagram.Span.Slice(offset);
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(span);
            if (length < HeaderSize || length > span.Length)
            {
                break;
            }

            messages.Add(new NetlinkMessage(
                BinaryPrimitives.ReadUInt16LittleEndian(span.Slice(4)),
                BinaryPrimitives.ReadUInt16LittleEndian(span.Slice(6)),
                BinaryPrimitives.ReadUInt32LittleEndian(span.Slice(8)),
                BinaryPrimitives.ReadUInt32LittleEndian(span.Slice(12)),
                datagram.Slice(offset + HeaderSize, length - HeaderSize)));
            offset += NetlinkMessageBuilder.Align(length);
        }

        return messages;
    }

    /// <summary>Attributes by type (last one wins), starting after a fixed header of <paramref name="skip"/> bytes.</summary>
    public static Dictionary<ushort, ReadOnlyMemory<byte>> Attributes(ReadOnlyMemory<byte> payload, int skip)
    {
        var attributes = new Dictionary<ushort, ReadOnlyMemory<byte>>();
        var offset = NetlinkMessageBuilder.Align(skip);
        while (payload.Length - offset >= AttributeHeaderSize)
        {
            var span = payload.Span.Slice(offset);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(span);
            var type = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(span.Slice(2)) & ~NLA_F_NESTED);
            if (length < AttributeHeaderSize || length > span.Length)
            {
                break;
            }

            attributes[type] = payload.Slice(offset + AttributeHeaderSize, length - AttributeHeaderSize);
            offset += NetlinkMessageBuilder.Align(length);
        }

        return attributes;
    }

    /// <summary>For NLMSG_ERROR: the positive errno, or 0 for an acknowledgement.</summary>
    public static int ErrorCode(NetlinkMessage message) =>
        message.Payload.Length >= 4 ? -BinaryPrimitives.ReadInt32LittleEndian(message.Payload.Span) : Errno.EINVAL;

    /// <summary>A u16 attribute in host order, or null when the payload is shorter.</summary>
    public static ushort? UInt16(ReadOnlyMemory<byte> value) =>
        value.Length >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(value.Span) : null;

    /// <summary>A u32 attribute in host order, or null when the payload is shorter.</summary>
    public static uint? UInt32(ReadOnlyMemory<byte> value) =>
        value.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(value.Span) : null;

    /// <summary>A NUL-terminated string attribute.</summary>
    public static string String(ReadOnlyMemory<byte> value)
    {
        var span = value.Span;
        var end = span.IndexOf((byte)0);
        return System.Text.Encoding.ASCII.GetString(end < 0 ? span : span.Slice(0, end));
    }
}
