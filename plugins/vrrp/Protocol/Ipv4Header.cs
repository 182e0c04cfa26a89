using System.Buffers.Binary;
using System.Net;

namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>The parts of an IPv4 header a raw IPv4 socket delivers in front of VRRP (IPv6 raw sockets strip theirs).</summary>
/// <param name="HeaderLength">IHL in bytes (20-60).</param>
/// <param name="TotalLength">The total length field.</param>
/// <param name="Ttl">Time to live.</param>
/// <param name="Protocol">112 for VRRP, 51 for AH.</param>
/// <param name="Source">Source address.</param>
/// <param name="Destination">Destination address.</param>
internal sealed record Ipv4Header(int HeaderLength, int TotalLength, byte Ttl, byte Protocol, IPAddress Source, IPAddress Destination)
{
    /// <summary>IP protocol number of IPsec AH.</summary>
    public const byte AhProtocol = 51;

    /// <summary>Minimum (and the only one we build) IPv4 header length.</summary>
    public const int MinLength = 20;

    /// <summary>The receive context for <see cref="VrrpCodec.Decode"/>.</summary>
    public VrrpReceiveContext Context => new(Source, Destination, Ttl);

    /// <summary>
    /// Parses the IPv4 header at the start of <paramref name="datagram"/>. Returns <see cref="VrrpRejectReason.None"/> and the
    /// header, or a reject reason. Never throws.
    /// </summary>
    public static VrrpRejectReason TryParse(ReadOnlySpan<byte> datagram, out Ipv4Header? header)
    {
        header = null;
        if (datagram.Length < MinLength)
        {
            return VrrpRejectReason.TooShort;
        }

        var ihl = (datagram[0] & 0x0F) * 4;
        var total = BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        if (datagram[0] >> 4 != 4 || ihl < MinLength || total < ihl || total > datagram.Length || datagram.Length < ihl)
        {
            return VrrpRejectReason.BadIpHeader;
        }

        header = new Ipv4Header(ihl, total, datagram[8], datagram[9], new IPAddress(datagram.Slice(12, 4)), new IPAddress(datagram.Slice(16, 4)));
        return VrrpRejectReason.None;
    }

    /// <summary>Writes a 20-byte header (TOS 0xC0 like keepalived, DF clear) with its checksum.</summary>
    public static void Write(Span<byte> destination, int totalLength, ushort id, byte ttl, byte protocol, IPAddress source, IPAddress target)
    {
        destination[..MinLength].Clear();
        destination[0] = 0x45;
        destination[1] = 0xC0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)totalLength);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], id);
        destination[8] = ttl;
        destination[9] = protocol;
        source.TryWriteBytes(destination[12..], out _);
        target.TryWriteBytes(destination[16..], out _);
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], InternetChecksum.Compute(destination[..MinLength]));
    }
}
