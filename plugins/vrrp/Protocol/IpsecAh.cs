using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;

namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>
/// keepalived's VRRPv2 <c>auth_type AH</c>: an RFC 2402 AH header between the IPv4 header and VRRP, with
/// SPI = source address, a sequence number, and an HMAC-MD5-96 ICV keyed by the 8-byte password over the IPv4 header
/// (TOS, fragment offset and checksum zeroed, TTL too for unicast), the AH header (ICV zeroed) and the VRRP message.
/// Pure functions over byte buffers: the OS adapter sends the datagram with IP_HDRINCL.
/// </summary>
internal static class IpsecAh
{
    /// <summary>AH header length: next header, payload length, reserved, SPI, sequence, 12-byte ICV.</summary>
    public const int HeaderLength = 24;

    /// <summary>The ICV length (HMAC-MD5 truncated to 96 bits).</summary>
    public const int IcvLength = 12;

    // RFC 2402 §2.2: payload length in 32-bit words minus 2.
    private const byte PayloadLength = HeaderLength / 4 - 2;

    /// <summary>
    /// Builds the whole IPv4 datagram (IP header + AH + VRRP) for <paramref name="vrrpMessage"/>. The IP id must be
    /// non-zero: Linux fills a zero id in after the ICV was computed, which would break verification.
    /// </summary>
    public static byte[] BuildDatagram(
        ReadOnlySpan<byte> vrrpMessage, IPAddress source, IPAddress destination, ReadOnlySpan<byte> key, uint sequence, ushort ipId, bool unicast, byte ttl = VrrpCodec.RequiredTtl)
    {
        var total = Ipv4Header.MinLength + HeaderLength + vrrpMessage.Length;
        var datagram = new byte[total];
        Ipv4Header.Write(datagram, total, ipId, ttl, Ipv4Header.AhProtocol, source, destination);
        var ah = datagram.AsSpan(Ipv4Header.MinLength, HeaderLength);
        ah[0] = InternetChecksum.VrrpProtocol;
        ah[1] = PayloadLength;
        source.TryWriteBytes(ah[4..], out _);
        BinaryPrimitives.WriteUInt32BigEndian(ah[8..], sequence);
        vrrpMessage.CopyTo(datagram.AsSpan(Ipv4Header.MinLength + HeaderLength));
        ComputeIcv(datagram, Ipv4Header.MinLength, key, unicast).CopyTo(ah[12..]);
        return datagram;
    }

    /// <summary>
    /// Verifies the AH of a received datagram whose header is <paramref name="header"/>. On success returns
    /// <see cref="VrrpRejectReason.None"/>, the sequence number and the offset of the VRRP message. A sequence number
    /// not above <paramref name="lastSequence"/> is <see cref="VrrpRejectReason.AhReplay"/> (keepalived's anti-replay).
    /// </summary>
    public static VrrpRejectReason Verify(
        ReadOnlySpan<byte> datagram, Ipv4Header header, ReadOnlySpan<byte> key, bool unicast, uint lastSequence, out uint sequence, out int vrrpOffset)
    {
        sequence = 0;
        vrrpOffset = header.HeaderLength + HeaderLength;
        if (header.TotalLength < vrrpOffset)
        {
            return VrrpRejectReason.TooShort;
        }

        var ah = datagram.Slice(header.HeaderLength, HeaderLength);
        if (ah[0] != InternetChecksum.VrrpProtocol || ah[1] != PayloadLength)
        {
            return VrrpRejectReason.BadIpHeader;
        }

        var icv = ComputeIcv(datagram[..header.TotalLength], header.HeaderLength, key, unicast);
        if (!CryptographicOperations.FixedTimeEquals(icv, ah.Slice(12, IcvLength)))
        {
            return VrrpRejectReason.AuthFailure;
        }

        if (!ah.Slice(4, 4).SequenceEqual(datagram.Slice(12, 4)))
        {
            return VrrpRejectReason.AuthFailure;
        }

        sequence = BinaryPrimitives.ReadUInt32BigEndian(ah[8..]);
        return sequence > lastSequence ? VrrpRejectReason.None : VrrpRejectReason.AhReplay;
    }

    private static byte[] ComputeIcv(ReadOnlySpan<byte> datagram, int ipHeaderLength, ReadOnlySpan<byte> key, bool unicast)
    {
        var copy = datagram.ToArray();
        copy[1] = 0;
        copy[6] = 0;
        copy[7] = 0;
        copy[10] = 0;
        copy[11] = 0;
        if (unicast)
        {
            copy[8] = 0;
        }

        copy.AsSpan(ipHeaderLength + 12, IcvLength).Clear();
        return HMACMD5.HashData(key, copy)[..IcvLength];
    }
}
