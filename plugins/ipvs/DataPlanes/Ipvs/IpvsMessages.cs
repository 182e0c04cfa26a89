using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Vigil.Abstractions.VirtualServers;
using Vigil.Linux.Netlink;
using Vigil.Linux.Netlink.Generic;
using static Vigil.Linux.Netlink.NetlinkConstants;
using static Vigil.Plugins.Ipvs.DataPlanes.Ipvs.IpvsConstants;

namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>
/// Encodes IPVS generic netlink requests and decodes the kernel's replies. Pure code. Attributes follow keepalived's
/// libipvs: u16 and u32 values in host order except ports (network order), addresses as the 16-byte
/// <c>union nf_inet_addr</c>, service and destination attributes nested (with NLA_F_NESTED) in IPVS_CMD_ATTR_SERVICE
/// and IPVS_CMD_ATTR_DEST.
/// </summary>
internal static class IpvsMessages
{
    private const ushort ChangeFlags = NLM_F_REQUEST | NLM_F_ACK;
    private const ushort DumpFlags = NLM_F_REQUEST | NLM_F_DUMP;

    /// <summary>IPVS_CMD_NEW_SERVICE: creates <paramref name="service"/> without destinations.</summary>
    public static byte[] NewService(ushort family, uint sequence, VirtualServerKey service, IpvsServiceSettings settings) =>
        ServiceRequest(family, sequence, IPVS_CMD_NEW_SERVICE, service, settings);

    /// <summary>IPVS_CMD_SET_SERVICE: changes the scheduler, flags, timeout and netmask of an existing service.</summary>
    public static byte[] SetService(ushort family, uint sequence, VirtualServerKey service, IpvsServiceSettings settings) =>
        ServiceRequest(family, sequence, IPVS_CMD_SET_SERVICE, service, settings);

    /// <summary>IPVS_CMD_DEL_SERVICE: removes the service and its destinations.</summary>
    public static byte[] DeleteService(ushort family, uint sequence, VirtualServerKey service) =>
        ServiceRequest(family, sequence, IPVS_CMD_DEL_SERVICE, service, null);

    /// <summary>IPVS_CMD_NEW_DEST: adds a destination to a service.</summary>
    public static byte[] NewDestination(ushort family, uint sequence, VirtualServerKey service, IpvsDestination destination) =>
        DestinationRequest(family, sequence, IPVS_CMD_NEW_DEST, service, destination.Server, destination);

    /// <summary>IPVS_CMD_SET_DEST: changes a destination's forwarding method and weight.</summary>
    public static byte[] SetDestination(ushort family, uint sequence, VirtualServerKey service, IpvsDestination destination) =>
        DestinationRequest(family, sequence, IPVS_CMD_SET_DEST, service, destination.Server, destination);

    /// <summary>IPVS_CMD_DEL_DEST: removes a destination; the kernel needs only its identity.</summary>
    public static byte[] DeleteDestination(ushort family, uint sequence, VirtualServerKey service, RealServerKey server) =>
        DestinationRequest(family, sequence, IPVS_CMD_DEL_DEST, service, server, null);

    /// <summary>IPVS_CMD_GET_SERVICE as a dump: every service of the network namespace, one IPVS_CMD_NEW_SERVICE each.</summary>
    public static byte[] GetServices(ushort family, uint sequence) =>
        GenericNetlink.Request(family, DumpFlags, sequence, IPVS_CMD_GET_SERVICE, IpvsConstants.Version).ToArray();

    /// <summary>IPVS_CMD_GET_DEST as a dump: the destinations of one service, one IPVS_CMD_NEW_DEST each.</summary>
    public static byte[] GetDestinations(ushort family, uint sequence, VirtualServerKey service)
    {
        var builder = GenericNetlink.Request(family, DumpFlags, sequence, IPVS_CMD_GET_DEST, IpvsConstants.Version);
        WriteService(builder, service, null);
        return builder.ToArray();
    }

    /// <summary>IPVS_CMD_GET_INFO: the IPVS version and connection table size, answered with IPVS_CMD_SET_INFO.</summary>
    public static byte[] GetInfo(ushort family, uint sequence) =>
        GenericNetlink.Request(family, NLM_F_REQUEST, sequence, IPVS_CMD_GET_INFO, IpvsConstants.Version).ToArray();

    /// <summary>Decodes one IPVS_CMD_NEW_SERVICE message; null for other messages and services Vigil cannot name (an unknown protocol).</summary>
    public static IpvsServiceEntry? ParseService(NetlinkMessage message)
    {
        if (GenericNetlink.Command(message) != IPVS_CMD_NEW_SERVICE
            || !GenericNetlink.Attributes(message).TryGetValue(IPVS_CMD_ATTR_SERVICE, out var nested))
        {
            return null;
        }

        var attributes = NetlinkParser.Attributes(nested, 0);
        if (Family(U16(attributes, IPVS_SVC_ATTR_AF)) is not { } addressFamily)
        {
            return null;
        }

        VirtualServerKey service;
        var fwmark = U32(attributes, IPVS_SVC_ATTR_FWMARK);
        if (fwmark != 0)
        {
            service = VirtualServerKey.ForFwmark(fwmark, addressFamily);
        }
        else if (Protocol(U16(attributes, IPVS_SVC_ATTR_PROTOCOL)) is { } protocol
                 && Address(attributes, IPVS_SVC_ATTR_ADDR, addressFamily) is { } address)
        {
            service = VirtualServerKey.ForEndpoint(address, Port(attributes, IPVS_SVC_ATTR_PORT), protocol);
        }
        else
        {
            return null;
        }

        var flags = attributes.TryGetValue(IPVS_SVC_ATTR_FLAGS, out var flagsValue) ? NetlinkParser.UInt32(flagsValue) ?? 0 : 0;
        var scheduler = attributes.TryGetValue(IPVS_SVC_ATTR_SCHED_NAME, out var name) ? NetlinkParser.String(name) : string.Empty;
        return new IpvsServiceEntry(
            service,
            new IpvsServiceSettings(scheduler, flags & ~IP_VS_SVC_F_HASHED, U32(attributes, IPVS_SVC_ATTR_TIMEOUT), U32(attributes, IPVS_SVC_ATTR_NETMASK)));
    }

    /// <summary>
    /// Decodes one IPVS_CMD_NEW_DEST message of a GET_DEST dump; null for other messages. Counters come from
    /// IPVS_DEST_ATTR_STATS64 where the kernel sends it, else from IPVS_DEST_ATTR_STATS. A kernel older than 3.18 sends no
    /// IPVS_DEST_ATTR_ADDR_FAMILY: the address is then of <paramref name="serviceFamily"/>.
    /// </summary>
    public static IpvsDestinationEntry? ParseDestination(NetlinkMessage message, AddressFamily serviceFamily)
    {
        if (GenericNetlink.Command(message) != IPVS_CMD_NEW_DEST
            || !GenericNetlink.Attributes(message).TryGetValue(IPVS_CMD_ATTR_DEST, out var nested))
        {
            return null;
        }

        var attributes = NetlinkParser.Attributes(nested, 0);
        var addressFamily = attributes.ContainsKey(IPVS_DEST_ATTR_ADDR_FAMILY) ? Family(U16(attributes, IPVS_DEST_ATTR_ADDR_FAMILY)) : serviceFamily;
        if (addressFamily is not { } af || Address(attributes, IPVS_DEST_ATTR_ADDR, af) is not { } address)
        {
            return null;
        }

        var stats = attributes.TryGetValue(IPVS_DEST_ATTR_STATS64, out var stats64) || attributes.TryGetValue(IPVS_DEST_ATTR_STATS, out stats64)
            ? NetlinkParser.Attributes(stats64, 0)
            : [];
        var destination = new IpvsDestination(
            new RealServerKey(address, Port(attributes, IPVS_DEST_ATTR_PORT)),
            U32(attributes, IPVS_DEST_ATTR_FWD_METHOD) & IP_VS_CONN_F_FWD_MASK,
            U32(attributes, IPVS_DEST_ATTR_WEIGHT));
        return new IpvsDestinationEntry(
            destination,
            U32(attributes, IPVS_DEST_ATTR_ACTIVE_CONNS),
            U32(attributes, IPVS_DEST_ATTR_INACT_CONNS),
            U32(attributes, IPVS_DEST_ATTR_PERSIST_CONNS),
            Counter(stats, IPVS_STATS_ATTR_CONNS),
            Counter(stats, IPVS_STATS_ATTR_INPKTS),
            Counter(stats, IPVS_STATS_ATTR_OUTPKTS),
            Counter(stats, IPVS_STATS_ATTR_INBYTES),
            Counter(stats, IPVS_STATS_ATTR_OUTBYTES));
    }

    /// <summary>Decodes the IPVS_CMD_SET_INFO answer to GET_INFO; null for other messages.</summary>
    public static IpvsInfo? ParseInfo(NetlinkMessage message)
    {
        if (GenericNetlink.Command(message) != IPVS_CMD_SET_INFO)
        {
            return null;
        }

        var attributes = GenericNetlink.Attributes(message);
        return attributes.ContainsKey(IPVS_INFO_ATTR_VERSION)
            ? new IpvsInfo(U32(attributes, IPVS_INFO_ATTR_VERSION), U32(attributes, IPVS_INFO_ATTR_CONN_TAB_SIZE))
            : null;
    }

    private static byte[] ServiceRequest(ushort family, uint sequence, byte command, VirtualServerKey service, IpvsServiceSettings? settings)
    {
        var builder = GenericNetlink.Request(family, ChangeFlags, sequence, command, IpvsConstants.Version);
        WriteService(builder, service, settings);
        return builder.ToArray();
    }

    private static byte[] DestinationRequest(ushort family, uint sequence, byte command, VirtualServerKey service, RealServerKey server, IpvsDestination? destination)
    {
        var builder = GenericNetlink.Request(family, ChangeFlags, sequence, command, IpvsConstants.Version);
        WriteService(builder, service, null);
        var nest = builder.BeginNested(IPVS_CMD_ATTR_DEST | NLA_F_NESTED);
        AttributeU16(builder, IPVS_DEST_ATTR_ADDR_FAMILY, LinuxFamily(server.Address.AddressFamily));
        builder.Attribute(IPVS_DEST_ATTR_ADDR, InetAddress(server.Address));
        AttributePort(builder, IPVS_DEST_ATTR_PORT, server.Port);
        if (destination is not null)
        {
            builder.AttributeU32(IPVS_DEST_ATTR_FWD_METHOD, destination.ForwardingMethod);
            builder.AttributeU32(IPVS_DEST_ATTR_WEIGHT, destination.Weight);
            builder.AttributeU32(IPVS_DEST_ATTR_U_THRESH, 0);
            builder.AttributeU32(IPVS_DEST_ATTR_L_THRESH, 0);
        }

        builder.EndNested(nest);
        return builder.ToArray();
    }

    /// <summary>The service's identity (what every command needs) and, for NEW and SET, its settings.</summary>
    private static void WriteService(NetlinkMessageBuilder builder, VirtualServerKey service, IpvsServiceSettings? settings)
    {
        if (service.Kind == VirtualServerKind.Group)
        {
            throw new ArgumentException($"{service} is a group: IPVS knows only its members", nameof(service));
        }

        var nest = builder.BeginNested(IPVS_CMD_ATTR_SERVICE | NLA_F_NESTED);
        AttributeU16(builder, IPVS_SVC_ATTR_AF, LinuxFamily(service.Family));
        if (service.Kind == VirtualServerKind.Fwmark)
        {
            builder.AttributeU32(IPVS_SVC_ATTR_FWMARK, service.Fwmark);
        }
        else
        {
            AttributeU16(builder, IPVS_SVC_ATTR_PROTOCOL, LinuxProtocol(service.Protocol));
            builder.Attribute(IPVS_SVC_ATTR_ADDR, InetAddress(service.Address!));
            AttributePort(builder, IPVS_SVC_ATTR_PORT, service.Port);
        }

        if (settings is not null)
        {
            builder.AttributeString(IPVS_SVC_ATTR_SCHED_NAME, settings.Scheduler);
            Span<byte> flags = stackalloc byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(flags, settings.Flags);

            // Every flag is Vigil's to decide, so the mask covers them all (the kernel keeps HASHED itself).
            BinaryPrimitives.WriteUInt32LittleEndian(flags.Slice(4), uint.MaxValue);
            builder.Attribute(IPVS_SVC_ATTR_FLAGS, flags);
            builder.AttributeU32(IPVS_SVC_ATTR_TIMEOUT, settings.TimeoutSeconds);
            builder.AttributeU32(IPVS_SVC_ATTR_NETMASK, settings.Netmask);
        }

        builder.EndNested(nest);
    }

    private static void AttributeU16(NetlinkMessageBuilder builder, ushort type, ushort value)
    {
        Span<byte> payload = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(payload, value);
        builder.Attribute(type, payload);
    }

    private static void AttributePort(NetlinkMessageBuilder builder, ushort type, int port)
    {
        Span<byte> payload = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(payload, (ushort)port);
        builder.Attribute(type, payload);
    }

    private static byte[] InetAddress(IPAddress address)
    {
        var bytes = new byte[InetAddressSize];
        address.GetAddressBytes().CopyTo(bytes, 0);
        return bytes;
    }

    private static ushort LinuxFamily(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => AF_INET,
        AddressFamily.InterNetworkV6 => AF_INET6,
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "IPVS forwards IPv4 and IPv6 only"),
    };

    private static ushort LinuxProtocol(TransportProtocol protocol) => protocol switch
    {
        TransportProtocol.Udp => IPPROTO_UDP,
        TransportProtocol.Sctp => IPPROTO_SCTP,
        _ => IPPROTO_TCP,
    };

    private static AddressFamily? Family(ushort value) => value switch
    {
        AF_INET => AddressFamily.InterNetwork,
        AF_INET6 => AddressFamily.InterNetworkV6,
        _ => null,
    };

    private static TransportProtocol? Protocol(ushort value) => value switch
    {
        IPPROTO_TCP => TransportProtocol.Tcp,
        IPPROTO_UDP => TransportProtocol.Udp,
        IPPROTO_SCTP => TransportProtocol.Sctp,
        _ => null,
    };

    private static IPAddress? Address(Dictionary<ushort, ReadOnlyMemory<byte>> attributes, ushort type, AddressFamily family)
    {
        var size = family == AddressFamily.InterNetwork ? 4 : 16;
        return attributes.TryGetValue(type, out var value) && value.Length >= size ? new IPAddress(value.Span.Slice(0, size)) : null;
    }

    private static int Port(Dictionary<ushort, ReadOnlyMemory<byte>> attributes, ushort type) =>
        attributes.TryGetValue(type, out var value) && value.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(value.Span) : 0;

    private static ushort U16(Dictionary<ushort, ReadOnlyMemory<byte>> attributes, ushort type) =>
        attributes.TryGetValue(type, out var value) ? NetlinkParser.UInt16(value) ?? 0 : (ushort)0;

    private static uint U32(Dictionary<ushort, ReadOnlyMemory<byte>> attributes, ushort type) =>
        attributes.TryGetValue(type, out var value) ? NetlinkParser.UInt32(value) ?? 0 : 0;

    /// <summary>A counter of either stats nest: u64 in IPVS_DEST_ATTR_STATS64 and for bytes, u32 for the rest of the old nest.</summary>
    private static long Counter(Dictionary<ushort, ReadOnlyMemory<byte>> stats, ushort type) =>
        !stats.TryGetValue(type, out var value) ? 0
        : value.Length >= 8 ? unchecked((long)BinaryPrimitives.ReadUInt64LittleEndian(value.Span))
        : NetlinkParser.UInt32(value) ?? 0;
}
