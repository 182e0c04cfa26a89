namespace Vigil.Linux.Netlink;

/// <summary>Netlink message types, flags and sizes every netlink protocol shares (linux/netlink.h).</summary>
public static class NetlinkConstants
{
    /// <summary>sizeof(struct nlmsghdr).</summary>
    public const int HeaderSize = 16;

    /// <summary>sizeof(struct nlattr).</summary>
    public const int AttributeHeaderSize = 4;

    /// <summary>An error or, with errno 0, an acknowledgement.</summary>
    public const ushort NLMSG_ERROR = 2;

    /// <summary>The end of a multipart (dump) reply.</summary>
    public const ushort NLMSG_DONE = 3;

    /// <summary>A request.</summary>
    public const ushort NLM_F_REQUEST = 0x1;

    /// <summary>Part of a multipart reply ended by NLMSG_DONE.</summary>
    public const ushort NLM_F_MULTI = 0x2;

    /// <summary>Asks for an acknowledgement.</summary>
    public const ushort NLM_F_ACK = 0x4;

    /// <summary>Asks for every object (NLM_F_ROOT | NLM_F_MATCH).</summary>
    public const ushort NLM_F_DUMP = 0x300;

    /// <summary>Fails with EEXIST when the object exists.</summary>
    public const ushort NLM_F_EXCL = 0x200;

    /// <summary>Creates the object when it does not exist.</summary>
    public const ushort NLM_F_CREATE = 0x400;

    /// <summary>Attribute type flag: the payload holds attributes.</summary>
    public const ushort NLA_F_NESTED = 0x8000;
}
