using System.Buffers.Binary;

namespace Vigil.Linux.Icmp;

/// <summary>
/// Writes ICMP/ICMPv6 echo requests and reads what comes back: an ICMP message alone (a ping socket, any raw ICMPv6
/// socket) or behind its IPv4 header (a raw IPv4 socket). Pure; never throws on a short or hostile packet.
/// </summary>
public static class IcmpEcho
{
    /// <summary>ICMP echo request.</summary>
    public const byte EchoRequestV4 = 8;

    /// <summary>ICMP echo reply.</summary>
    public const byte EchoReplyV4 = 0;

    /// <summary>ICMPv6 echo request.</summary>
    public const byte EchoRequestV6 = 128;

    /// <summary>ICMPv6 echo reply.</summary>
    public const byte EchoReplyV6 = 129;

    /// <summary>Bytes of the echo header: type, code, checksum, identifier, sequence.</summary>
    public const int HeaderLength = 8;

    /// <summary>
    /// Writes an echo request into <paramref name="destination"/> and returns its length. The ICMP checksum is filled in;
    /// an ICMPv6 one is left zero for the kernel, which alone knows the pseudo-header's source address.
    /// </summary>
    public static int WriteRequest(Span<byte> destination, bool ipv6, ushort identifier, ushort sequence, ReadOnlySpan<byte> payload)
    {
        var length = HeaderLength + payload.Length;
        if (destination.Length < length)
        {
            throw new ArgumentException($"an echo of {payload.Length} payload bytes needs {length} bytes", nameof(destination));
        }

        var packet = destination[..length];
        packet[0] = ipv6 ? EchoRequestV6 : EchoRequestV4;
        packet[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(packet[4..], identifier);
        BinaryPrimitives.WriteUInt16BigEndian(packet[6..], sequence);
        payload.CopyTo(packet[HeaderLength..]);
        if (!ipv6)
        {
            BinaryPrimitives.WriteUInt16BigEndian(packet[2..], Checksum(packet));
        }

        return length;
    }

    /// <summary>
    /// Reads the ICMP header of <paramref name="packet"/>, skipping an IPv4 header first when
    /// <paramref name="withIpv4Header"/>; false when the packet is too short or the IPv4 header is not one.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> packet, bool withIpv4Header, out IcmpMessage message)
    {
        message = default;
        if (withIpv4Header)
        {
            if (packet.Length < 20 || packet[0] >> 4 != 4)
            {
                return false;
            }

            var headerLength = (packet[0] & 0x0f) * 4;
            if (headerLength < 20 || packet.Length < headerLength)
            {
                return false;
            }

            packet = packet[headerLength..];
        }

        if (packet.Length < HeaderLength)
        {
            return false;
        }

        message = new IcmpMessage(
            packet[0],
            packet[1],
            BinaryPrimitives.ReadUInt16BigEndian(packet[4..]),
            BinaryPrimitives.ReadUInt16BigEndian(packet[6..]));
        return true;
    }

    /// <summary>The Internet checksum (RFC 1071) of <paramref name="data"/>.</summary>
    public static ushort Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if (i < data.Length)
        {
            sum += (uint)data[i] << 8;
        }

        while (sum >> 16 != 0)
        {
            sum = (sum & 0xffff) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
