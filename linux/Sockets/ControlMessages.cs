using System.Buffers.Binary;
using System.Net;

namespace Vigil.Linux.Sockets;

/// <summary>Parses the recvmsg(2) ancillary data an IPv6 raw socket returns (IPV6_PKTINFO and IPV6_HOPLIMIT).</summary>
public static class ControlMessages
{
    /// <summary>sizeof(struct cmsghdr) on 64-bit Linux: size_t len, int level, int type.</summary>
    public const int HeaderSize = 16;

    /// <summary>Finds destination address, arrival interface and hop limit; missing values stay null.</summary>
    public static (IPAddress? Destination, int? InterfaceIndex, int? HopLimit) ParseIpv6(ReadOnlySpan<byte> control)
    {
        IPAddress? destination = null;
        int? index = null;
        int? hopLimit = null;
        while (control.Length >= HeaderSize)
        {
            var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(control);
            if (length < HeaderSize || length > control.Length)
            {
                break;
            }

            var level = BinaryPrimitives.ReadInt32LittleEndian(control.Slice(8));
            var type = BinaryPrimitives.ReadInt32LittleEndian(control.Slice(12));
            var data = control.Slice(HeaderSize, length - HeaderSize);
            if (level == LinuxConstants.IPPROTO_IPV6 && type == LinuxConstants.IPV6_PKTINFO && data.Length >= 20)
            {
                destination = new IPAddress(data.Slice(0, 16));
                index = BinaryPrimitives.ReadInt32LittleEndian(data.Slice(16));
            }
            else if (level == LinuxConstants.IPPROTO_IPV6 && type == LinuxConstants.IPV6_HOPLIMIT && data.Length >= 4)
            {
                hopLimit = BinaryPrimitives.ReadInt32LittleEndian(data);
            }

            var aligned = (length + 7) & ~7;
            control = aligned >= control.Length ? [] : control.Slice(aligned);
        }

        return (destination, index, hopLimit);
    }
}
