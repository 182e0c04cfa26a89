using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Vigil.Linux.Sockets;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>Builds gratuitous ARP frames and unsolicited neighbour advertisements the way keepalived sends them. Pure code.</summary>
internal static class GratuitousFrames
{
    /// <summary>Ethernet header plus ARP body: 14 + 28 bytes (the NIC pads to 60).</summary>
    internal const int ArpFrameLength = 42;

    /// <summary>ICMPv6 neighbour advertisement with one target link-layer address option.</summary>
    internal const int NeighbourAdvertLength = 32;

    internal static readonly byte[] Broadcast = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

    /// <summary>
    /// A broadcast ARP request with sender and target protocol address both the VIP, sender hardware address the
    /// interface (or virtual) MAC and target hardware address ff:ff:ff:ff:ff:ff.
    /// </summary>
    public static byte[] Arp(ReadOnlySpan<byte> mac, IPAddress address)
    {
        RequireMac(mac);
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException($"{address} is not IPv4", nameof(address));
        }

        var frame = new byte[ArpFrameLength];
        Broadcast.CopyTo(frame, 0);
        mac.CopyTo(frame.AsSpan(6));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), LinuxConstants.ETH_P_ARP);
        var arp = frame.AsSpan(14);
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1);
        BinaryPrimitives.WriteUInt16BigEndian(arp.Slice(2), 0x0800);
        arp[4] = 6;
        arp[5] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(arp.Slice(6), 1);
        mac.CopyTo(arp.Slice(8));
        address.TryWriteBytes(arp.Slice(14), out _);
        Broadcast.CopyTo(arp.Slice(18));
        address.TryWriteBytes(arp.Slice(24), out _);
        return frame;
    }

    /// <summary>
    /// ICMPv6 type 136 with the override flag, target the VIP and a target link-layer address option. The checksum is
    /// left zero: the kernel always fills it in on ICMPv6 raw sockets.
    /// </summary>
    public static byte[] NeighbourAdvert(ReadOnlySpan<byte> mac, IPAddress address)
    {
        RequireMac(mac);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException($"{address} is not IPv6", nameof(address));
        }

        var message = new byte[NeighbourAdvertLength];
        message[0] = 136;
        message[4] = 0x20;
        address.TryWriteBytes(message.AsSpan(8), out _);
        message[24] = 2;
        message[25] = 1;
        mac.CopyTo(message.AsSpan(26));
        return message;
    }

    private static void RequireMac(ReadOnlySpan<byte> mac)
    {
        if (mac.Length != 6)
        {
            throw new ArgumentException("an Ethernet MAC has 6 bytes", nameof(mac));
        }
    }
}
