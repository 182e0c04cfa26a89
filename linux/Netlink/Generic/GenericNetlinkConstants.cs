namespace Vigil.Linux.Netlink.Generic;

/// <summary>The generic netlink controller's id, commands and attributes (linux/genetlink.h).</summary>
internal static class GenericNetlinkConstants
{
    /// <summary>nlctrl, the controller family: its id is fixed, every other family's is assigned at registration.</summary>
    internal const ushort GENL_ID_CTRL = 0x10;

    internal const byte CTRL_CMD_NEWFAMILY = 1;
    internal const byte CTRL_CMD_GETFAMILY = 3;

    /// <summary>The controller protocol version libnl speaks; the kernel answers any.</summary>
    internal const byte CTRL_VERSION = 1;

    internal const ushort CTRL_ATTR_FAMILY_ID = 1;
    internal const ushort CTRL_ATTR_FAMILY_NAME = 2;
    internal const ushort CTRL_ATTR_VERSION = 3;
    internal const ushort CTRL_ATTR_HDRSIZE = 4;
    internal const ushort CTRL_ATTR_MAXATTR = 5;
}
