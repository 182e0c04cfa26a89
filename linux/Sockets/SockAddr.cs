using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Linux.Sockets;

/// <summary>Builds and reads the C socket address structures handed to bind(2), sendto(2) and recvmsg(2).</summary>
public static class SockAddr
{
    /// <summary>sizeof(struct sockaddr_in).</summary>
    public const int In4Size = 16;

    /// <summary>sizeof(struct sockaddr_in6).</summary>
    public const int In6Size = 28;

    /// <summary>sizeof(struct sockaddr_ll).</summary>
    public const int LinkLayerSize = 20;

    /// <summary>sizeof(struct sockaddr_nl).</summary>
    public const int NetlinkSize = 12;

    /// <summary>sockaddr_in or sockaddr_in6 (port 0; the scope id only matters for link-local IPv6).</summary>
    public static byte[] Inet(IPAddress address, int scopeId = 0)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var sa = new byte[In4Size];
            BinaryPrimitives.WriteUInt16LittleEndian(sa, LinuxConstants.AF_INET);
            address.TryWriteBytes(sa.AsSpan(4, 4), out _);
            return sa;
        }

        var sa6 = new byte[In6Size];
        BinaryPrimitives.WriteUInt16LittleEndian(sa6, LinuxConstants.AF_INET6);
        address.TryWriteBytes(sa6.AsSpan(8, 16), out _);
        var scope = address.ScopeId != 0 ? address.ScopeId : scopeId;
        BinaryPrimitives.WriteUInt32LittleEndian(sa6.AsSpan(24), (uint)scope);
        return sa6;
    }

    /// <summary>Reads a sockaddr_in / sockaddr_in6 filled in by the kernel.</summary>
    public static IPAddress? ReadInet(ReadOnlySpan<byte> sa)
    {
        if (sa.Length < 2)
        {
            return null;
        }

        var family = BinaryPrimitives.ReadUInt16LittleEndian(sa);
        if (family == LinuxConstants.AF_INET && sa.Length >= 8)
        {
            return new IPAddress(sa.Slice(4, 4));
        }

        if (family == LinuxConstants.AF_INET6 && sa.Length >= 24)
        {
            var address = new IPAddress(sa.Slice(8, 16));
            if (sa.Length >= 28 && address.IsIPv6LinkLocal)
            {
                address.ScopeId = BinaryPrimitives.ReadUInt32LittleEndian(sa.Slice(24));
            }

            return address;
        }

        return null;
    }

    /// <summary>sockaddr_ll: the interface and ethertype to bind or send on, and for sends the destination MAC.</summary>
    public static byte[] LinkLayer(int interfaceIndex, ushort etherType, ReadOnlySpan<byte> destinationMac)
    {
        var sa = new byte[LinkLayerSize];
        BinaryPrimitives.WriteUInt16LittleEndian(sa, LinuxConstants.AF_PACKET);
        BinaryPrimitives.WriteUInt16BigEndian(sa.AsSpan(2), etherType);
        BinaryPrimitives.WriteInt32LittleEndian(sa.AsSpan(4), interfaceIndex);
        sa[11] = (byte)destinationMac.Length;
        destinationMac.CopyTo(sa.AsSpan(12));
        return sa;
    }

    /// <summary>sockaddr_nl with the kernel choosing the port id and the given multicast groups bitmask.</summary>
    public static byte[] Netlink(uint groups)
    {
        var sa = new byte[NetlinkSize];
        BinaryPrimitives.WriteUInt16LittleEndian(sa, LinuxConstants.AF_NETLINK);
        BinaryPrimitives.WriteUInt32LittleEndian(sa.AsSpan(8), groups);
        return sa;
    }
}
