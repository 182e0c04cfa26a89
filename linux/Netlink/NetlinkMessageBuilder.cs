using System.Buffers.Binary;
using System.Text;
using static Vigil.Linux.Netlink.NetlinkConstants;

namespace Vigil.Linux.Netlink;

/// <summary>
/// Encodes one netlink message: nlmsghdr, a fixed family header, then 4-byte aligned attributes (possibly nested).
/// Pure code; integers in host (little-endian) order as the kernel expects, addresses in network order.
/// </summary>
public sealed class NetlinkMessageBuilder
{
    private byte[] _buffer = new byte[256];
    private int _length;

    /// <summary>Starts a message; the length is filled in by <see cref="ToArray"/>.</summary>
    public NetlinkMessageBuilder(ushort type, ushort flags, uint sequence)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(4), type);
        BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(6), flags);
        BinaryPrimitives.WriteUInt32LittleEndian(header.Slice(8), sequence);
        Append(header);
    }

    /// <summary>Appends raw bytes (a fixed family header such as ifaddrmsg), padded to 4 bytes.</summary>
    public NetlinkMessageBuilder Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(Align(bytes.Length));
        bytes.CopyTo(_buffer.AsSpan(_length));
        _buffer.AsSpan(_length + bytes.Length, Align(bytes.Length) - bytes.Length).Clear();
        _length += Align(bytes.Length);
        return this;
    }

    /// <summary>Appends an attribute with the given payload.</summary>
    public NetlinkMessageBuilder Attribute(ushort type, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[AttributeHeaderSize];
        BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)(AttributeHeaderSize + payload.Length));
        BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(2), type);
        Append(header);
        return Append(payload);
    }

    /// <summary>Appends a 32-bit attribute in host order.</summary>
    public NetlinkMessageBuilder AttributeU32(ushort type, uint value)
    {
        Span<byte> payload = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(payload, value);
        return Attribute(type, payload);
    }

    /// <summary>Appends a NUL-terminated string attribute.</summary>
    public NetlinkMessageBuilder AttributeString(ushort type, string value) =>
        Attribute(type, Encoding.ASCII.GetBytes(value + "\0"));

    /// <summary>Opens a nested attribute; close it with <see cref="EndNested"/>.</summary>
    public int BeginNested(ushort type)
    {
        var start = _length;
        Span<byte> header = stackalloc byte[AttributeHeaderSize];
        BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(2), type);
        Append(header);
        return start;
    }

    /// <summary>Closes a nested attribute by writing its final length.</summary>
    public NetlinkMessageBuilder EndNested(int start)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(start), (ushort)(_length - start));
        return this;
    }

    /// <summary>The finished message with nlmsg_len set.</summary>
    public byte[] ToArray()
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer, (uint)_length);
        return _buffer.AsSpan(0, _length).ToArray();
    }

    internal static int Align(int length) => (length + 3) & ~3;

    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
        }
    }
}
