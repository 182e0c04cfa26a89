namespace Vigil.Linux.Icmp;

/// <summary>Which socket an <see cref="IcmpPinger"/> sends through.</summary>
public enum IcmpSocketMode
{
    /// <summary>An unprivileged ping socket when <c>net.ipv4.ping_group_range</c> admits the process, else a raw socket.</summary>
    Auto,

    /// <summary>Only a ping socket (<c>SOCK_DGRAM</c>, <c>IPPROTO_ICMP</c>/<c>IPPROTO_ICMPV6</c>).</summary>
    Datagram,

    /// <summary>Only a raw socket (needs <c>CAP_NET_RAW</c>).</summary>
    Raw,
}
