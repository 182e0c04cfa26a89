using System.Net;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>Reads what VRRP needs from the IPv4 header a raw socket delivers in front of every packet.</summary>
internal readonly record struct Ipv4Header(int HeaderLength, int Ttl, int Protocol, IPAddress Source, IPAddress Destination)
{
    /// <summary>Parses the header; false when the bytes are too short or not IPv4.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out Ipv4Header header)
    {
        header = default;
        if (packet.Length < 20 || packet[0] >> 4 != 4)
        {
            return false;
        }

        var length = (packet[0] & 0x0F) * 4;
        if (length < 20 || packet.Length < length)
        {
            return false;
        }

        header = new Ipv4Header(length, packet[8], packet[9], new IPAddress(packet.Slice(12, 4)), new IPAddress(packet.Slice(16, 4)));
        return true;
    }
}
