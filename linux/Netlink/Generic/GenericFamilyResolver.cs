using System.Diagnostics.CodeAnalysis;
using Vigil.Linux.Sockets;
using static Vigil.Linux.Netlink.Generic.GenericNetlinkConstants;

namespace Vigil.Linux.Netlink.Generic;

/// <summary>
/// Resolves a generic netlink family name to its id with CTRL_CMD_GETFAMILY: a family's id is assigned when its module
/// registers it, so a client (IPVS) must ask before its first request.
/// </summary>
public static class GenericFamilyResolver
{
    /// <summary>
    /// Asks nlctrl over <paramref name="socket"/> (a NETLINK_GENERIC socket, which the caller then uses for the family's
    /// own requests) for <paramref name="name"/>. False when the kernel has no such family (ENOENT: the module is not
    /// loaded and cannot be); any other failure throws <see cref="OsException"/>.
    /// </summary>
    public static bool TryResolve(NetlinkSocket socket, string name, [NotNullWhen(true)] out GenericNetlinkFamily? family)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (socket.Protocol != LinuxConstants.NETLINK_GENERIC)
        {
            throw new ArgumentException($"resolving generic netlink family {name} needs a NETLINK_GENERIC socket, not protocol {socket.Protocol}", nameof(socket));
        }

        var sequence = socket.NextSequence();
        var replies = socket.Query(GetFamily(sequence, name), sequence, $"resolve generic netlink family {name}", Errno.ENOENT);
        family = replies.Select(Decode).FirstOrDefault(f => f is not null);
        return family is not null;
    }

    /// <summary>CTRL_CMD_GETFAMILY by name; the kernel answers with one CTRL_CMD_NEWFAMILY, or ENOENT.</summary>
    internal static byte[] GetFamily(uint sequence, string name) =>
        GenericNetlink.Request(GENL_ID_CTRL, NetlinkConstants.NLM_F_REQUEST, sequence, CTRL_CMD_GETFAMILY, CTRL_VERSION)
            .AttributeString(CTRL_ATTR_FAMILY_NAME, name)
            .ToArray();

    /// <summary>Decodes a CTRL_CMD_NEWFAMILY reply; null for other messages or one without a family id.</summary>
    internal static GenericNetlinkFamily? Decode(NetlinkMessage message)
    {
        if (message.Type != GENL_ID_CTRL || GenericNetlink.Command(message) != CTRL_CMD_NEWFAMILY)
        {
            return null;
        }

        var attributes = GenericNetlink.Attributes(message);
        if (!attributes.TryGetValue(CTRL_ATTR_FAMILY_ID, out var id) || NetlinkParser.UInt16(id) is not { } familyId)
        {
            return null;
        }

        return new GenericNetlinkFamily(
            familyId,
            attributes.TryGetValue(CTRL_ATTR_FAMILY_NAME, out var name) ? NetlinkParser.String(name) : string.Empty,
            U32(attributes, CTRL_ATTR_VERSION),
            U32(attributes, CTRL_ATTR_HDRSIZE),
            U32(attributes, CTRL_ATTR_MAXATTR));
    }

    private static uint U32(Dictionary<ushort, ReadOnlyMemory<byte>> attributes, ushort type) =>
        attributes.TryGetValue(type, out var value) ? NetlinkParser.UInt32(value) ?? 0 : 0;
}
