namespace Vigil.Linux.Icmp;

/// <summary>The header of an ICMP or ICMPv6 message as far as an echo needs it.</summary>
/// <param name="Type">The message type (8/0 echo request/reply for ICMP, 128/129 for ICMPv6).</param>
/// <param name="Code">The code.</param>
/// <param name="Identifier">The echo identifier.</param>
/// <param name="Sequence">The echo sequence number.</param>
public readonly record struct IcmpMessage(byte Type, byte Code, ushort Identifier, ushort Sequence)
{
    /// <summary>True for an echo reply of either family.</summary>
    public bool IsEchoReply(bool ipv6) => Code == 0 && Type == (ipv6 ? IcmpEcho.EchoReplyV6 : IcmpEcho.EchoReplyV4);
}
