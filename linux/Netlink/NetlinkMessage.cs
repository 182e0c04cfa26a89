namespace Vigil.Linux.Netlink;

/// <summary>One decoded netlink message: header fields and the payload after nlmsghdr.</summary>
/// <param name="Type">nlmsg_type: NLMSG_ERROR, NLMSG_DONE, or the protocol's message type (RTM_*, a generic family id).</param>
/// <param name="Flags">nlmsg_flags (NLM_F_*).</param>
/// <param name="Sequence">nlmsg_seq of the request this answers.</param>
/// <param name="PortId">nlmsg_pid of the sender; 0 for the kernel.</param>
/// <param name="Payload">Everything after nlmsghdr: the family header, then attributes.</param>
public sealed record NetlinkMessage(ushort Type, ushort Flags, uint Sequence, uint PortId, ReadOnlyMemory<byte> Payload);
