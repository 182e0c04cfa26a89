namespace Vigil.Linux.Packet;

/// <summary>Whom a received frame was addressed to (sll_pkttype, linux/if_packet.h).</summary>
public enum PacketType : byte
{
    /// <summary>This interface's own MAC.</summary>
    Host = 0,

    /// <summary>The broadcast address.</summary>
    Broadcast = 1,

    /// <summary>A multicast address.</summary>
    Multicast = 2,

    /// <summary>Another host's MAC (seen in promiscuous mode).</summary>
    OtherHost = 3,

    /// <summary>A frame another socket on this machine sent out of the interface.</summary>
    Outgoing = 4,
}
