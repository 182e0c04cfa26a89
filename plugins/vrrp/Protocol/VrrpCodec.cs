using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>Encodes and decodes VRRPv2/v3 advertisements (the VRRP message only, without IP header).</summary>
internal static class VrrpCodec
{
    /// <summary>Fixed header length of both versions.</summary>
    public const int HeaderLength = 8;

    /// <summary>VRRPv2 authentication data length.</summary>
    public const int AuthDataLength = 8;

    /// <summary>The TTL / hop limit VRRP is sent with and must be received with.</summary>
    public const int RequiredTtl = 255;

    /// <summary>Largest v3 interval (12 bits of centiseconds).</summary>
    public const int MaxV3Interval = 0x0FFF;

    /// <summary>
    /// The 8 authentication bytes keepalived derives from <c>auth_pass</c>: the UTF-8 bytes truncated to 8, zero padded.
    /// </summary>
    public static byte[] AuthKey(string? password)
    {
        var key = new byte[AuthDataLength];
        if (!string.IsNullOrEmpty(password))
        {
            var bytes = Encoding.UTF8.GetBytes(password);
            bytes.AsSpan(0, Math.Min(bytes.Length, AuthDataLength)).CopyTo(key);
        }

        return key;
    }

    /// <summary>The encoded length of <paramref name="packet"/>.</summary>
    public static int EncodedLength(VrrpPacket packet) =>
        HeaderLength + packet.Addresses.Count * AddressLength(packet) + (packet.Version == VrrpVersion.V2 ? AuthDataLength : 0);

    /// <summary>
    /// Encodes <paramref name="packet"/> with a freshly computed checksum. <paramref name="source"/> and
    /// <paramref name="destination"/> feed the v3 pseudo-header and are ignored for v2.
    /// </summary>
    /// <exception cref="ArgumentException">The packet cannot be represented (mixed families, too many addresses, interval out of range).</exception>
    public static byte[] Encode(VrrpPacket packet, IPAddress source, IPAddress destination)
    {
        Validate(packet);
        var buffer = new byte[EncodedLength(packet)];
        buffer[0] = (byte)(((int)packet.Version << 4) | VrrpPacket.AdvertisementType);
        buffer[1] = packet.VirtualRouterId;
        buffer[2] = packet.Priority;
        buffer[3] = (byte)packet.Addresses.Count;
        if (packet.Version == VrrpVersion.V2)
        {
            buffer[4] = (byte)packet.AuthType;
            buffer[5] = (byte)packet.AdvertisementInterval;
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(4), (ushort)(packet.AdvertisementInterval & MaxV3Interval));
        }

        var offset = HeaderLength;
        foreach (var address in packet.Addresses)
        {
            address.TryWriteBytes(buffer.AsSpan(offset), out var written);
            offset += written;
        }

        if (packet.Version == VrrpVersion.V2)
        {
            packet.AuthBytes.CopyTo(buffer.AsSpan(offset));
        }

        BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(6), ComputeChecksum(packet.Version, buffer, source, destination));
        return buffer;
    }

    /// <summary>
    /// Decodes a VRRP message as delivered by an IPv6 raw socket, or after <see cref="Ipv4Header.TryParse"/> for IPv4.
    /// Checks everything RFC 3768 §7.1 / RFC 5798 §7.1 require and, when <paramref name="expect"/> is given, the instance's
    /// configuration. Never throws.
    /// </summary>
    public static VrrpDecodeResult Decode(ReadOnlySpan<byte> payload, VrrpReceiveContext context, VrrpExpectation? expect = null)
    {
        if (payload.Length < HeaderLength)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.TooShort);
        }

        var version = payload[0] >> 4;
        var isV6 = context.Source.AddressFamily == AddressFamily.InterNetworkV6;
        if ((version != 2 && version != 3) || (version == 2 && isV6) || (expect is not null && (int)expect.Version != version))
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.BadVersion);
        }

        if ((payload[0] & 0x0F) != VrrpPacket.AdvertisementType)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.BadType);
        }

        var v2 = version == 2;
        var count = payload[3];
        var addressLength = isV6 ? 16 : 4;
        var expected = HeaderLength + count * addressLength + (v2 ? AuthDataLength : 0);
        if (payload.Length < expected)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.TooShort);
        }

        if (payload.Length > expected)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.BadLength);
        }

        if ((expect?.CheckTtl ?? true) && context.TtlOrHopLimit != -1 && context.TtlOrHopLimit != RequiredTtl)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.BadTtl);
        }

        if (ComputeChecksum((VrrpVersion)version, payload, context.Source, context.Destination, verifying: true) != 0)
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.BadChecksum);
        }

        var reason = CheckFields(payload, v2, count, expect);
        if (reason != VrrpRejectReason.None)
        {
            return VrrpDecodeResult.Reject(reason);
        }

        var addresses = new IPAddress[count];
        for (var i = 0; i < count; i++)
        {
            addresses[i] = new IPAddress(payload.Slice(HeaderLength + i * addressLength, addressLength));
        }

        if (expect?.Addresses is { } configured && !SameAddresses(configured, addresses))
        {
            return VrrpDecodeResult.Reject(VrrpRejectReason.AddressListMismatch);
        }

        var packet = new VrrpPacket(
            (VrrpVersion)version,
            payload[1],
            payload[2],
            v2 ? payload[5] : (ushort)(BinaryPrimitives.ReadUInt16BigEndian(payload[4..]) & MaxV3Interval),
            addresses,
            v2 ? (VrrpAuthType)payload[4] : VrrpAuthType.None,
            v2 ? payload[^AuthDataLength..].ToArray() : null,
            BinaryPrimitives.ReadUInt16BigEndian(payload[6..]));
        return VrrpDecodeResult.Accept(packet);
    }

    private static VrrpRejectReason CheckFields(ReadOnlySpan<byte> payload, bool v2, byte count, VrrpExpectation? expect)
    {
        var interval = v2 ? payload[5] : BinaryPrimitives.ReadUInt16BigEndian(payload[4..]) & MaxV3Interval;
        if (payload[1] == 0)
        {
            return VrrpRejectReason.InvalidVrid;
        }

        if (expect is not null && payload[1] != expect.VirtualRouterId)
        {
            return VrrpRejectReason.VridMismatch;
        }

        if (count == 0)
        {
            return VrrpRejectReason.EmptyAddresses;
        }

        if (interval == 0)
        {
            return VrrpRejectReason.BadInterval;
        }

        if (v2)
        {
            var authType = payload[4];
            if (authType > (byte)VrrpAuthType.Ah)
            {
                return VrrpRejectReason.InvalidAuthType;
            }

            if (expect is not null)
            {
                if (authType != (byte)expect.AuthType)
                {
                    return VrrpRejectReason.AuthTypeMismatch;
                }

                if (expect.AuthType == VrrpAuthType.Pass
                    && !CryptographicOperations.FixedTimeEquals(payload[^AuthDataLength..], expect.AuthKey ?? AuthKey(null)))
                {
                    return VrrpRejectReason.AuthFailure;
                }

                if (interval != expect.AdvertisementInterval)
                {
                    return VrrpRejectReason.IntervalMismatch;
                }
            }
        }

        return expect?.Addresses is { } configured && configured.Count != count
            ? VrrpRejectReason.AddressCountMismatch
            : VrrpRejectReason.None;
    }

    private static bool SameAddresses(IReadOnlyList<IPAddress> configured, IPAddress[] received) =>
        configured.All(received.Contains);

    private static ushort ComputeChecksum(VrrpVersion version, ReadOnlySpan<byte> message, IPAddress source, IPAddress destination, bool verifying = false)
    {
        // Encoding sums the message with its checksum field still zero; verifying sums it as received and expects 0.
        uint sum = version == VrrpVersion.V3 ? InternetChecksum.PseudoHeader(source, destination, message.Length) : 0;
        if (verifying)
        {
            return InternetChecksum.Finish(InternetChecksum.Add(sum, message));
        }

        return InternetChecksum.Finish(InternetChecksum.Add(InternetChecksum.Add(sum, message[..6]), message[8..]));
    }

    private static int AddressLength(VrrpPacket packet) =>
        packet.Addresses.Count > 0 && packet.Addresses[0].AddressFamily == AddressFamily.InterNetworkV6 ? 16 : 4;

    private static void Validate(VrrpPacket packet)
    {
        if (packet.Addresses.Count > byte.MaxValue)
        {
            throw new ArgumentException("at most 255 addresses fit in an advertisement", nameof(packet));
        }

        var family = packet.Addresses.Count > 0 ? packet.Addresses[0].AddressFamily : AddressFamily.InterNetwork;
        foreach (var address in packet.Addresses)
        {
            if (address.AddressFamily != family)
            {
                throw new ArgumentException("an advertisement carries addresses of one family only", nameof(packet));
            }
        }

        if (packet.Version == VrrpVersion.V2 && (family == AddressFamily.InterNetworkV6 || packet.AdvertisementInterval > byte.MaxValue))
        {
            throw new ArgumentException("VRRPv2 carries IPv4 addresses and an interval of at most 255 seconds", nameof(packet));
        }

        if (packet.Version == VrrpVersion.V3 && packet.AdvertisementInterval > MaxV3Interval)
        {
            throw new ArgumentException("VRRPv3 intervals are at most 4095 centiseconds", nameof(packet));
        }
    }
}
