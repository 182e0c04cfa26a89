namespace Vigil.Linux.Packet;

/// <summary>Who writes the Ethernet header of a <see cref="PacketSocket"/>'s frames.</summary>
public enum PacketSocketMode
{
    /// <summary>SOCK_DGRAM: the kernel writes and strips the header; data is what follows it.</summary>
    Datagram,

    /// <summary>SOCK_RAW: data is the whole frame, header included, in both directions.</summary>
    Raw,
}
