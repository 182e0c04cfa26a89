using System.Buffers.Binary;
using System.Net;

namespace Vigil.Vrrp.Tests.Os;

/// <summary>Hand-built VRRPv3 adverts for socket tests (the socket does not care about the codec).</summary>
internal static class VrrpPackets
{
    public static byte[] Advert(byte vrid, byte priority, IPAddress address)
    {
        var addressBytes = address.GetAddressBytes();
        var packet = new byte[8 + addressBytes.Length];
        packet[0] = 0x31;
        packet[1] = vrid;
        packet[2] = priority;
        packet[3] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), 100);
        addressBytes.CopyTo(packet, 8);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(6), Checksum(packet));
        return packet;
    }

    private static ushort Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 1 < data.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i));
        }

        while (sum > 0xffff)
        {
            sum = (sum & 0xffff) + (sum >> 16);
        }

        return (ushort)~sum;
    }
}
