using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Vigil.Linux.Sockets;
using static Vigil.Linux.Netlink.NetlinkConstants;
using static Vigil.Linux.Netlink.Route.RouteConstants;

namespace Vigil.Linux.Netlink.Route;

/// <summary>Builds the rtnetlink requests <see cref="NetlinkClient"/> sends. Pure code, covered by golden-bytes tests.</summary>
internal static class NetlinkRequests
{
    private const ushort Ack = NLM_F_REQUEST | NLM_F_ACK;
    private const byte ScopeLink = 253;
    private const byte ScopeNowhere = 255;

    public static byte[] AddAddress(uint sequence, AddressSpec spec) =>
        Address(RTM_NEWADDR, Ack | NLM_F_CREATE | NLM_F_EXCL, sequence, spec);

    public static byte[] DeleteAddress(uint sequence, AddressSpec spec) => Address(RTM_DELADDR, Ack, sequence, spec);

    public static byte[] AddRoute(uint sequence, RouteSpec spec) =>
        Route(RTM_NEWROUTE, Ack | NLM_F_CREATE | NLM_F_EXCL, sequence, spec);

    public static byte[] DeleteRoute(uint sequence, RouteSpec spec) => Route(RTM_DELROUTE, Ack, sequence, spec);

    /// <summary>RTM_NEWLINK creating a macvlan (keepalived's use_vmac) with a fixed MAC on <paramref name="parentIndex"/>.</summary>
    public static byte[] CreateMacvlan(uint sequence, string name, int parentIndex, ReadOnlySpan<byte> mac, uint mode = MACVLAN_MODE_PRIVATE)
    {
        var builder = new NetlinkMessageBuilder(RTM_NEWLINK, Ack | NLM_F_CREATE | NLM_F_EXCL, sequence)
            .Append(LinkHeader(0, 0, 0))
            .AttributeString(IFLA_IFNAME, name)
            .AttributeU32(IFLA_LINK, (uint)parentIndex)
            .Attribute(IFLA_ADDRESS, mac);
        var linkInfo = builder.BeginNested(IFLA_LINKINFO);
        builder.AttributeString(IFLA_INFO_KIND, "macvlan");
        var data = builder.BeginNested(IFLA_INFO_DATA);
        builder.AttributeU32(IFLA_MACVLAN_MODE, mode);
        builder.EndNested(data);
        builder.EndNested(linkInfo);
        return builder.ToArray();
    }

    public static byte[] DeleteLink(uint sequence, int index) =>
        new NetlinkMessageBuilder(RTM_DELLINK, Ack, sequence).Append(LinkHeader(index, 0, 0)).ToArray();

    /// <summary>Sets or clears IFF_UP only (ifi_change masks the other flags).</summary>
    public static byte[] SetLinkUp(uint sequence, int index, bool up) =>
        new NetlinkMessageBuilder(RTM_NEWLINK, Ack, sequence).Append(LinkHeader(index, up ? IFF_UP : 0, IFF_UP)).ToArray();

    public static byte[] GetLink(uint sequence, int index) =>
        new NetlinkMessageBuilder(RTM_GETLINK, NLM_F_REQUEST, sequence).Append(LinkHeader(index, 0, 0)).ToArray();

    public static byte[] GetLinkByName(uint sequence, string name) =>
        new NetlinkMessageBuilder(RTM_GETLINK, NLM_F_REQUEST, sequence).Append(LinkHeader(0, 0, 0)).AttributeString(IFLA_IFNAME, name).ToArray();

    public static byte[] DumpAddresses(uint sequence, AddressFamily family)
    {
        Span<byte> header = stackalloc byte[8];
        header[0] = Family(family);
        return new NetlinkMessageBuilder(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, sequence).Append(header).ToArray();
    }

    private static byte[] Address(ushort type, ushort flags, uint sequence, AddressSpec spec)
    {
        var ipv6 = spec.Address.AddressFamily == AddressFamily.InterNetworkV6;
        Span<byte> header = stackalloc byte[8];
        header[0] = Family(spec.Address.AddressFamily);
        header[1] = (byte)spec.PrefixLength;
        header[2] = ipv6 && spec.NoDad ? IFA_F_NODAD : (byte)0;
        header[3] = spec.Scope;
        BinaryPrimitives.WriteInt32LittleEndian(header.Slice(4), spec.InterfaceIndex);
        var address = spec.Address.GetAddressBytes();
        var builder = new NetlinkMessageBuilder(type, flags, sequence)
            .Append(header)
            .Attribute(IFA_LOCAL, address)
            .Attribute(IFA_ADDRESS, address);
        if (!ipv6 && spec.Broadcast is { } broadcast)
        {
            builder.Attribute(IFA_BROADCAST, broadcast.GetAddressBytes());
        }

        if (!ipv6 && !string.IsNullOrEmpty(spec.Label))
        {
            builder.AttributeString(IFA_LABEL, spec.Label);
        }

        if (ipv6 && spec.NoDad)
        {
            builder.AttributeU32(IFA_FLAGS, IFA_F_NODAD);
        }

        return builder.ToArray();
    }

    private static byte[] Route(ushort type, ushort flags, uint sequence, RouteSpec spec)
    {
        var adding = type == RTM_NEWROUTE;
        Span<byte> header = stackalloc byte[12];
        header[0] = Family(spec.Destination.AddressFamily);
        header[1] = (byte)spec.PrefixLength;
        header[4] = spec.Table < 256 ? (byte)spec.Table : (byte)0;
        header[5] = adding ? RTPROT_BOOT : (byte)0;
        header[6] = spec.Scope ?? (adding ? (spec.Gateway is null ? ScopeLink : (byte)0) : ScopeNowhere);
        header[7] = adding ? RTN_UNICAST : (byte)0;
        var builder = new NetlinkMessageBuilder(type, flags, sequence).Append(header).AttributeU32(RTA_TABLE, spec.Table);
        if (spec.PrefixLength > 0 || !IsAny(spec.Destination))
        {
            builder.Attribute(RTA_DST, spec.Destination.GetAddressBytes());
        }

        if (spec.Gateway is { } gateway)
        {
            builder.Attribute(RTA_GATEWAY, gateway.GetAddressBytes());
        }

        if (spec.PreferredSource is { } source)
        {
            builder.Attribute(RTA_PREFSRC, source.GetAddressBytes());
        }

        if (spec.InterfaceIndex is { } index)
        {
            builder.AttributeU32(RTA_OIF, (uint)index);
        }

        if (spec.Metric is { } metric)
        {
            builder.AttributeU32(RTA_PRIORITY, metric);
        }

        return builder.ToArray();
    }

    /// <summary>struct ifinfomsg: family, pad, type, index, flags, change.</summary>
    private static byte[] LinkHeader(int index, uint flags, uint change)
    {
        var header = new byte[16];
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), index);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), flags);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), change);
        return header;
    }

    private static byte Family(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => LinuxConstants.AF_INET,
        AddressFamily.InterNetworkV6 => LinuxConstants.AF_INET6,
        _ => 0,
    };

    private static bool IsAny(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
}
