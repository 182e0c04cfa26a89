namespace Vigil.Plugins.Vrrp.Os;

/// <summary>Linux socket constants from the uapi headers (values are ABI, identical on every architecture .NET runs on).</summary>
internal static class LinuxConstants
{
    internal const int AF_INET = 2;
    internal const int AF_INET6 = 10;
    internal const int AF_NETLINK = 16;
    internal const int AF_PACKET = 17;

    internal const int SOCK_RAW = 3;
    internal const int SOCK_CLOEXEC = 0x80000;

    internal const int IPPROTO_IP = 0;
    internal const int IPPROTO_IPV6 = 41;
    internal const int IPPROTO_ICMPV6 = 58;
    internal const int IPPROTO_RAW = 255;
    internal const int IPPROTO_VRRP = 112;

    internal const int SOL_SOCKET = 1;
    internal const int SO_BINDTODEVICE = 25;
    internal const int SO_RCVBUF = 8;

    internal const int IP_TTL = 2;
    internal const int IP_HDRINCL = 3;
    internal const int IP_MULTICAST_IF = 32;
    internal const int IP_MULTICAST_TTL = 33;
    internal const int IP_MULTICAST_LOOP = 34;
    internal const int IP_ADD_MEMBERSHIP = 35;

    internal const int IPV6_CHECKSUM = 7;
    internal const int IPV6_UNICAST_HOPS = 16;
    internal const int IPV6_MULTICAST_IF = 17;
    internal const int IPV6_MULTICAST_HOPS = 18;
    internal const int IPV6_MULTICAST_LOOP = 19;
    internal const int IPV6_ADD_MEMBERSHIP = 20;
    internal const int IPV6_RECVPKTINFO = 49;
    internal const int IPV6_PKTINFO = 50;
    internal const int IPV6_RECVHOPLIMIT = 51;
    internal const int IPV6_HOPLIMIT = 52;

    internal const int NETLINK_ROUTE = 0;
    internal const int SOL_NETLINK = 270;
    internal const int NETLINK_ADD_MEMBERSHIP = 1;
    internal const int NETLINK_EXT_ACK = 11;

    internal const int CLONE_NEWNET = 0x40000000;

    internal const ushort ETH_P_ARP = 0x0806;
    internal const ushort ETH_P_IPV6 = 0x86DD;
}
