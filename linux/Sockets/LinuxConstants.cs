namespace Vigil.Linux.Sockets;

/// <summary>Linux socket constants from the uapi headers (values are ABI, identical on every architecture .NET runs on).</summary>
public static class LinuxConstants
{
    /// <summary>IPv4 address family.</summary>
    public const int AF_INET = 2;

    /// <summary>IPv6 address family.</summary>
    public const int AF_INET6 = 10;

    /// <summary>Netlink address family (.NET refuses to create it).</summary>
    public const int AF_NETLINK = 16;

    /// <summary>Packet (link-layer) address family.</summary>
    public const int AF_PACKET = 17;

    /// <summary>Datagram socket; on AF_PACKET the kernel adds and strips the link-layer header.</summary>
    public const int SOCK_DGRAM = 2;

    /// <summary>Raw socket; on AF_PACKET frames include their link-layer header.</summary>
    public const int SOCK_RAW = 3;

    /// <summary>Close the descriptor in child processes (scripts the daemon starts).</summary>
    public const int SOCK_CLOEXEC = 0x80000;

    /// <summary>IPv4 socket option level.</summary>
    public const int IPPROTO_IP = 0;

    /// <summary>IPv6 socket option level and next-header value.</summary>
    public const int IPPROTO_IPV6 = 41;

    /// <summary>ICMPv6 protocol number.</summary>
    public const int IPPROTO_ICMPV6 = 58;

    /// <summary>Raw IPv4 protocol: implies IP_HDRINCL.</summary>
    public const int IPPROTO_RAW = 255;

    /// <summary>Socket-level option level.</summary>
    public const int SOL_SOCKET = 1;

    /// <summary>Binds a socket to one interface.</summary>
    public const int SO_BINDTODEVICE = 25;

    /// <summary>Unicast TTL.</summary>
    public const int IP_TTL = 2;

    /// <summary>The caller supplies the IPv4 header.</summary>
    public const int IP_HDRINCL = 3;

    /// <summary>Outgoing interface for multicast (struct ip_mreqn).</summary>
    public const int IP_MULTICAST_IF = 32;

    /// <summary>Multicast TTL.</summary>
    public const int IP_MULTICAST_TTL = 33;

    /// <summary>Whether multicast sent is looped back to local sockets.</summary>
    public const int IP_MULTICAST_LOOP = 34;

    /// <summary>Joins an IPv4 multicast group (struct ip_mreqn).</summary>
    public const int IP_ADD_MEMBERSHIP = 35;

    /// <summary>Offset at which the kernel computes and verifies the checksum of a raw IPv6 socket.</summary>
    public const int IPV6_CHECKSUM = 7;

    /// <summary>Unicast hop limit.</summary>
    public const int IPV6_UNICAST_HOPS = 16;

    /// <summary>Outgoing interface index for multicast.</summary>
    public const int IPV6_MULTICAST_IF = 17;

    /// <summary>Multicast hop limit.</summary>
    public const int IPV6_MULTICAST_HOPS = 18;

    /// <summary>Whether multicast sent is looped back to local sockets.</summary>
    public const int IPV6_MULTICAST_LOOP = 19;

    /// <summary>Joins an IPv6 multicast group (struct ipv6_mreq).</summary>
    public const int IPV6_ADD_MEMBERSHIP = 20;

    /// <summary>Asks for IPV6_PKTINFO ancillary data.</summary>
    public const int IPV6_RECVPKTINFO = 49;

    /// <summary>Ancillary data: destination address and arrival interface.</summary>
    public const int IPV6_PKTINFO = 50;

    /// <summary>Asks for IPV6_HOPLIMIT ancillary data.</summary>
    public const int IPV6_RECVHOPLIMIT = 51;

    /// <summary>Ancillary data: the hop limit a packet arrived with.</summary>
    public const int IPV6_HOPLIMIT = 52;

    /// <summary>rtnetlink: links, addresses, routes, rules.</summary>
    public const int NETLINK_ROUTE = 0;

    /// <summary>Generic netlink: families such as IPVS, resolved by name through nlctrl.</summary>
    public const int NETLINK_GENERIC = 16;

    /// <summary>nfnetlink: conntrack, nftables and the other netfilter subsystems.</summary>
    public const int NETLINK_NETFILTER = 12;

    /// <summary>ARP ethertype.</summary>
    public const ushort ETH_P_ARP = 0x0806;
}
