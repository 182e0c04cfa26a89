namespace Vigil.Linux.Packet;

/// <summary>What <see cref="PacketSocket.TryReceive"/> learnt about a frame besides its bytes.</summary>
/// <param name="Length">Bytes written to the caller's buffer (a longer frame is cut to the buffer's size).</param>
/// <param name="SourceMac">The sender's MAC (6 bytes on Ethernet).</param>
/// <param name="EtherType">The frame's ethertype.</param>
/// <param name="Type">Whom the frame was addressed to; a server skips <see cref="PacketType.Outgoing"/>.</param>
/// <param name="InterfaceIndex">The interface it arrived on.</param>
public sealed record PacketFrame(int Length, byte[] SourceMac, ushort EtherType, PacketType Type, int InterfaceIndex);
