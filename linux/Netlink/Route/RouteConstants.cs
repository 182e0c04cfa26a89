namespace Vigil.Linux.Netlink.Route;

/// <summary>rtnetlink message types, groups, attribute numbers and flags (linux/rtnetlink.h, if_addr.h, if_link.h, fib_rules.h).</summary>
internal static class RouteConstants
{
    internal const ushort RTM_NEWLINK = 16;
    internal const ushort RTM_DELLINK = 17;
    internal const ushort RTM_GETLINK = 18;
    internal const ushort RTM_NEWADDR = 20;
    internal const ushort RTM_DELADDR = 21;
    internal const ushort RTM_GETADDR = 22;
    internal const ushort RTM_NEWROUTE = 24;
    internal const ushort RTM_DELROUTE = 25;
    internal const ushort RTM_NEWRULE = 32;
    internal const ushort RTM_DELRULE = 33;

    internal const uint RTMGRP_LINK = 0x1;

    internal const ushort IFA_ADDRESS = 1;
    internal const ushort IFA_LOCAL = 2;
    internal const ushort IFA_LABEL = 3;
    internal const ushort IFA_BROADCAST = 4;
    internal const ushort IFA_FLAGS = 8;
    internal const byte IFA_F_NODAD = 0x02;

    internal const ushort IFLA_ADDRESS = 1;
    internal const ushort IFLA_IFNAME = 3;
    internal const ushort IFLA_LINK = 5;
    internal const ushort IFLA_OPERSTATE = 16;
    internal const ushort IFLA_LINKINFO = 18;
    internal const ushort IFLA_INFO_KIND = 1;
    internal const ushort IFLA_INFO_DATA = 2;
    internal const ushort IFLA_MACVLAN_MODE = 1;
    internal const uint MACVLAN_MODE_PRIVATE = 1;

    internal const ushort RTA_DST = 1;
    internal const ushort RTA_OIF = 4;
    internal const ushort RTA_GATEWAY = 5;
    internal const ushort RTA_PRIORITY = 6;
    internal const ushort RTA_PREFSRC = 7;
    internal const ushort RTA_TABLE = 15;

    internal const ushort FRA_DST = 1;
    internal const ushort FRA_SRC = 2;
    internal const ushort FRA_IIFNAME = 3;
    internal const ushort FRA_GOTO = 4;
    internal const ushort FRA_PRIORITY = 6;
    internal const ushort FRA_FWMARK = 10;
    internal const ushort FRA_SUPPRESS_IFGROUP = 13;
    internal const ushort FRA_SUPPRESS_PREFIXLEN = 14;
    internal const ushort FRA_TABLE = 15;
    internal const ushort FRA_FWMASK = 16;
    internal const ushort FRA_OIFNAME = 17;
    internal const ushort FRA_L3MDEV = 19;
    internal const ushort FRA_UID_RANGE = 20;
    internal const ushort FRA_PROTOCOL = 21;
    internal const ushort FRA_IP_PROTO = 22;
    internal const ushort FRA_SPORT_RANGE = 23;
    internal const ushort FRA_DPORT_RANGE = 24;
    internal const uint FIB_RULE_INVERT = 0x2;

    internal const byte RTPROT_BOOT = 3;
    internal const byte RTN_UNICAST = 1;
    internal const byte RT_TABLE_MAIN = 254;

    internal const uint IFF_UP = 0x1;
    internal const uint IFF_RUNNING = 0x40;
}
