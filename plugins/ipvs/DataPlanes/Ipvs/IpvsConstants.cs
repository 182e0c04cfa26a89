namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>The IPVS generic netlink family's name, commands, attributes and flags (linux/ip_vs.h).</summary>
internal static class IpvsConstants
{
    /// <summary>IPVS_GENL_NAME: the name to resolve the family id by.</summary>
    internal const string FamilyName = "IPVS";

    /// <summary>IPVS_GENL_VERSION, the version byte of every request.</summary>
    internal const byte Version = 1;

    internal const byte IPVS_CMD_NEW_SERVICE = 1;
    internal const byte IPVS_CMD_SET_SERVICE = 2;
    internal const byte IPVS_CMD_DEL_SERVICE = 3;
    internal const byte IPVS_CMD_GET_SERVICE = 4;
    internal const byte IPVS_CMD_NEW_DEST = 5;
    internal const byte IPVS_CMD_SET_DEST = 6;
    internal const byte IPVS_CMD_DEL_DEST = 7;
    internal const byte IPVS_CMD_GET_DEST = 8;

    /// <summary>The command of the kernel's answer to IPVS_CMD_GET_INFO.</summary>
    internal const byte IPVS_CMD_SET_INFO = 14;
    internal const byte IPVS_CMD_GET_INFO = 15;

    internal const ushort IPVS_CMD_ATTR_SERVICE = 1;
    internal const ushort IPVS_CMD_ATTR_DEST = 2;

    internal const ushort IPVS_SVC_ATTR_AF = 1;
    internal const ushort IPVS_SVC_ATTR_PROTOCOL = 2;
    internal const ushort IPVS_SVC_ATTR_ADDR = 3;
    internal const ushort IPVS_SVC_ATTR_PORT = 4;
    internal const ushort IPVS_SVC_ATTR_FWMARK = 5;
    internal const ushort IPVS_SVC_ATTR_SCHED_NAME = 6;
    internal const ushort IPVS_SVC_ATTR_FLAGS = 7;
    internal const ushort IPVS_SVC_ATTR_TIMEOUT = 8;
    internal const ushort IPVS_SVC_ATTR_NETMASK = 9;

    internal const ushort IPVS_DEST_ATTR_ADDR = 1;
    internal const ushort IPVS_DEST_ATTR_PORT = 2;
    internal const ushort IPVS_DEST_ATTR_FWD_METHOD = 3;
    internal const ushort IPVS_DEST_ATTR_WEIGHT = 4;
    internal const ushort IPVS_DEST_ATTR_U_THRESH = 5;
    internal const ushort IPVS_DEST_ATTR_L_THRESH = 6;
    internal const ushort IPVS_DEST_ATTR_ACTIVE_CONNS = 7;
    internal const ushort IPVS_DEST_ATTR_INACT_CONNS = 8;
    internal const ushort IPVS_DEST_ATTR_PERSIST_CONNS = 9;

    /// <summary>Counters with 32-bit connection and packet counts (every kernel).</summary>
    internal const ushort IPVS_DEST_ATTR_STATS = 10;
    internal const ushort IPVS_DEST_ATTR_ADDR_FAMILY = 11;

    /// <summary>The same counters, all 64-bit (kernels from 4.1); preferred when present.</summary>
    internal const ushort IPVS_DEST_ATTR_STATS64 = 12;

    internal const ushort IPVS_STATS_ATTR_CONNS = 1;
    internal const ushort IPVS_STATS_ATTR_INPKTS = 2;
    internal const ushort IPVS_STATS_ATTR_OUTPKTS = 3;
    internal const ushort IPVS_STATS_ATTR_INBYTES = 4;
    internal const ushort IPVS_STATS_ATTR_OUTBYTES = 5;

    internal const ushort IPVS_INFO_ATTR_VERSION = 1;
    internal const ushort IPVS_INFO_ATTR_CONN_TAB_SIZE = 2;

    /// <summary>Connections from one client go to the same server for the persistence timeout.</summary>
    internal const uint IP_VS_SVC_F_PERSISTENT = 0x1;

    /// <summary>Set by the kernel on every service it has hashed; never sent.</summary>
    internal const uint IP_VS_SVC_F_HASHED = 0x2;

    /// <summary>One-packet scheduling: every UDP datagram is scheduled on its own.</summary>
    internal const uint IP_VS_SVC_F_ONEPACKET = 0x4;

    /// <summary>Scheduler flag 1: <c>sh</c> and <c>mh</c> read it as "fall back to the next server".</summary>
    internal const uint IP_VS_SVC_F_SCHED1 = 0x8;

    /// <summary>Scheduler flag 2: <c>sh</c> and <c>mh</c> read it as "hash the source port too".</summary>
    internal const uint IP_VS_SVC_F_SCHED2 = 0x10;

    internal const uint IP_VS_CONN_F_MASQ = 0;
    internal const uint IP_VS_CONN_F_TUNNEL = 2;
    internal const uint IP_VS_CONN_F_DROUTE = 3;

    /// <summary>The forwarding-method bits of a destination's connection flags.</summary>
    internal const uint IP_VS_CONN_F_FWD_MASK = 0x7;

    /// <summary>Linux's AF_INET and AF_INET6 (.NET's AddressFamily numbers differ).</summary>
    internal const ushort AF_INET = 2;
    internal const ushort AF_INET6 = 10;

    internal const ushort IPPROTO_TCP = 6;
    internal const ushort IPPROTO_UDP = 17;
    internal const ushort IPPROTO_SCTP = 132;

    /// <summary>sizeof(union nf_inet_addr): every address attribute is 16 bytes, IPv4 in the first 4.</summary>
    internal const int InetAddressSize = 16;
}
