namespace Vigil.Plugins.Vrrp.Os;

/// <summary>One decoded netlink message: header fields and the payload after nlmsghdr.</summary>
internal sealed record NetlinkMessage(ushort Type, ushort Flags, uint Sequence, uint PortId, ReadOnlyMemory<byte> Payload);
