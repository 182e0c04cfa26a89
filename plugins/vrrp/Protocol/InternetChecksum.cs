using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>The RFC 1071 ones' complement checksum, with the IPv4/IPv6 pseudo-headers VRRPv3 needs.</summary>
internal static class InternetChecksum
{
    /// <summary>IP protocol number of VRRP.</summary>
    public const byte VrrpProtocol = 112;

    /// <summary>Adds <paramref name="data"/> to a running 32-bit sum (an odd last byte is padded with zero).</summary>
    public static uint Add(uint sum, ReadOnlySpan<byte> data)
    {
        var i = 0;
        for (; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
        }

        if (i < data.Length)
        {
            sum += (uint)(data[i] << 8);
        }

        return sum;
    }

    /// <summary>Folds a running sum to the final 16-bit complement.</summary>
    public static ushort Finish(uint sum)
    {
        while (sum >> 16 != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }

    /// <summary>The checksum of <paramref name="data"/> alone.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Finish(Add(0, data));

    /// <summary>
    /// The sum of the pseudo-header (RFC 5798 §5.2.8): for IPv4 source, destination, zero, protocol 112 and length
    /// (RFC 768 style); for IPv6 source, destination, 32-bit length and next header 112 (RFC 8200 §8.1).
    /// </summary>
    public static uint PseudoHeader(IPAddress source, IPAddress destination, int length)
    {
        Span<byte> buffer = stackalloc byte[40];
        uint sum = 0;
        source.TryWriteBytes(buffer, out var n);
        sum = Add(sum, buffer[..n]);
        destination.TryWriteBytes(buffer, out n);
        sum = Add(sum, buffer[..n]);
        if (source.AddressFamily == AddressFamily.InterNetworkV6)
        {
            sum += (uint)(length >> 16) + (uint)(length & 0xFFFF);
        }
        else
        {
            sum += (uint)length;
        }

        return sum + VrrpProtocol;
    }
}
