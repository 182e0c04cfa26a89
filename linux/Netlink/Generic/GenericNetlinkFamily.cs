namespace Vigil.Linux.Netlink.Generic;

/// <summary>A generic netlink family as the controller (nlctrl) describes it.</summary>
/// <param name="Id">The message type its requests carry; assigned when the family registers, so resolve it by name.</param>
/// <param name="Name">The family name (<c>IPVS</c>, <c>nlctrl</c>).</param>
/// <param name="Version">The family's protocol version, for the version byte of its requests.</param>
/// <param name="HeaderSize">Bytes of family header between genlmsghdr and the attributes (0 for most families).</param>
/// <param name="MaxAttribute">The highest attribute number the kernel's side of the family knows.</param>
public sealed record GenericNetlinkFamily(ushort Id, string Name, uint Version, uint HeaderSize, uint MaxAttribute);
