using System.Collections.Immutable;
using Vigil.Abstractions.VirtualServers;
using Vigil.Linux;
using Vigil.Linux.Netlink;
using Vigil.Linux.Netlink.Generic;
using Vigil.Plugins.Ipvs.DataPlanes.Ipvs;
using static Vigil.Plugins.Ipvs.DataPlanes.Ipvs.IpvsConstants;

namespace Vigil.Ipvs.Tests.DataPlanes.Ipvs;

/// <summary>
/// A simulated kernel IPVS behind the plane's transport: it decodes each request, answers with the errno the kernel
/// gives (EEXIST, ESRCH, ENOENT), keeps services and destinations (prepending destinations, as IPVS does) and answers
/// the GET_SERVICE and GET_DEST dumps with replies laid out as the kernel lays them out.
/// </summary>
internal sealed class FakeIpvsKernel : IIpvsTransport
{
    private const int ESRCH = 3;
    private readonly Dictionary<VirtualServerKey, (IpvsServiceSettings Settings, List<IpvsDestination> Destinations)> _services = [];
    private readonly Dictionary<(VirtualServerKey, RealServerKey), long[]> _counters = [];
    private uint _sequence;

    public ushort Family => 0x23;

    /// <summary>Every change request in arrival order, accepted or not: <c>NEW_DEST 10.0.0.1:80/tcp 10.0.1.1:80 w1</c>.</summary>
    public List<string> Requests { get; } = [];

    /// <summary>The errno to refuse a change with (command, service, server or null), 0 to accept it.</summary>
    public Func<byte, VirtualServerKey, RealServerKey?, int> Refuse { get; set; } = (_, _, _) => 0;

    public bool Disposed { get; private set; }

    /// <summary>What the kernel holds, in the plane's model form.</summary>
    public ImmutableDictionary<VirtualServerKey, IpvsService> State =>
        _services.ToImmutableDictionary(p => p.Key, p => new IpvsService(p.Key, p.Value.Settings, [.. p.Value.Destinations]));

    /// <summary>Creates a service directly, as another program (or an earlier run) would have.</summary>
    public void Add(VirtualServerKey service, IpvsServiceSettings settings, params IpvsDestination[] destinations) =>
        _services[service] = (settings, [.. destinations]);

    /// <summary>Sets a destination's counters: active, inactive, persistent, connections, packets in/out, bytes in/out.</summary>
    public void Count(VirtualServerKey service, RealServerKey server, params long[] counters) => _counters[(service, server)] = counters;

    public int Execute(Func<uint, byte[]> request)
    {
        var message = Assert.Single(NetlinkParser.Messages(request(++_sequence)));
        Assert.Equal(Family, message.Type);
        Assert.Equal(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_ACK, message.Flags);
        var command = GenericNetlink.Command(message);
        var (service, settings) = DecodeService(message);
        var destination = command is IPVS_CMD_NEW_DEST or IPVS_CMD_SET_DEST or IPVS_CMD_DEL_DEST ? DecodeDestination(message, service) : null;
        Requests.Add($"{Name(command)} {service}{(destination is null ? "" : $" {destination.Server} w{destination.Weight}")}");
        var refused = Refuse(command, service, destination?.Server);
        return refused != 0 ? refused : Apply(command, service, settings, destination);
    }

    public IReadOnlyList<NetlinkMessage> Query(Func<uint, byte[]> request, string what)
    {
        var message = Assert.Single(NetlinkParser.Messages(request(++_sequence)));
        Assert.Equal(NetlinkConstants.NLM_F_REQUEST | NetlinkConstants.NLM_F_DUMP, message.Flags);
        switch (GenericNetlink.Command(message))
        {
            case IPVS_CMD_GET_SERVICE:
                // The kernel reports HASHED on every service; the plane must not take it for a setting.
                return [.. _services.SelectMany(p => NetlinkParser.Messages(
                    IpvsMessages.NewService(Family, _sequence, p.Key, p.Value.Settings with { Flags = p.Value.Settings.Flags | IP_VS_SVC_F_HASHED })))];
            case IPVS_CMD_GET_DEST:
                var service = DecodeService(message).Service;
                return _services.TryGetValue(service, out var held) ? [.. held.Destinations.Select(d => DestinationReply(service, d))] : [];
            default:
                throw new OsException(what, Errno.EINVAL);
        }
    }

    public void Dispose() => Disposed = true;

    private int Apply(byte command, VirtualServerKey service, IpvsServiceSettings settings, IpvsDestination? destination)
    {
        if (command == IPVS_CMD_NEW_SERVICE)
        {
            return _services.TryAdd(service, (settings, [])) ? 0 : Errno.EEXIST;
        }

        if (!_services.TryGetValue(service, out var held))
        {
            return ESRCH;
        }

        var index = destination is null ? -1 : held.Destinations.FindIndex(d => d.Server == destination.Server);
        switch (command)
        {
            case IPVS_CMD_SET_SERVICE:
                _services[service] = (settings, held.Destinations);
                return 0;
            case IPVS_CMD_DEL_SERVICE:
                _services.Remove(service);
                return 0;
            case IPVS_CMD_NEW_DEST when index >= 0:
                return Errno.EEXIST;
            case IPVS_CMD_NEW_DEST:
                held.Destinations.Insert(0, destination!);
                return 0;
            case IPVS_CMD_SET_DEST or IPVS_CMD_DEL_DEST when index < 0:
                return Errno.ENOENT;
            case IPVS_CMD_SET_DEST:
                held.Destinations[index] = destination!;
                return 0;
            case IPVS_CMD_DEL_DEST:
                held.Destinations.RemoveAt(index);
                return 0;
            default:
                return Errno.EINVAL;
        }
    }

    /// <summary>A GET_DEST reply as the kernel builds it: nests without NLA_F_NESTED, 64-bit counters in STATS64.</summary>
    private NetlinkMessage DestinationReply(VirtualServerKey service, IpvsDestination destination)
    {
        var c = _counters.TryGetValue((service, destination.Server), out var set) ? set : new long[8];
        var builder = GenericNetlink.Request(Family, NetlinkConstants.NLM_F_MULTI, _sequence, IPVS_CMD_NEW_DEST, IpvsConstants.Version);
        var nest = builder.BeginNested(IPVS_CMD_ATTR_DEST);
        var address = new byte[16];
        destination.Server.Address.GetAddressBytes().CopyTo(address, 0);
        builder.Attribute(IPVS_DEST_ATTR_ADDR, address);
        builder.Attribute(IPVS_DEST_ATTR_PORT, [(byte)(destination.Server.Port >> 8), (byte)destination.Server.Port]);
        builder.AttributeU32(IPVS_DEST_ATTR_FWD_METHOD, destination.ForwardingMethod);
        builder.AttributeU32(IPVS_DEST_ATTR_WEIGHT, destination.Weight);
        builder.AttributeU32(IPVS_DEST_ATTR_ACTIVE_CONNS, (uint)c[0]);
        builder.AttributeU32(IPVS_DEST_ATTR_INACT_CONNS, (uint)c[1]);
        builder.AttributeU32(IPVS_DEST_ATTR_PERSIST_CONNS, (uint)c[2]);
        var stats = builder.BeginNested(IPVS_DEST_ATTR_STATS64);
        for (var i = 0; i < 5; i++)
        {
            builder.Attribute((ushort)(IPVS_STATS_ATTR_CONNS + i), BitConverter.GetBytes((ulong)c[3 + i]));
        }

        builder.EndNested(stats);
        builder.EndNested(nest);
        return Assert.Single(NetlinkParser.Messages(builder.ToArray()));
    }

    /// <summary>The service nest read back with the codec's own reply parser, under the reply's command.</summary>
    private static (VirtualServerKey Service, IpvsServiceSettings Settings) DecodeService(NetlinkMessage message)
    {
        var entry = IpvsMessages.ParseService(WithCommand(message, IPVS_CMD_NEW_SERVICE));
        Assert.NotNull(entry);
        return (entry.Service, entry.Settings);
    }

    private static IpvsDestination DecodeDestination(NetlinkMessage message, VirtualServerKey service)
    {
        var entry = IpvsMessages.ParseDestination(WithCommand(message, IPVS_CMD_NEW_DEST), service.Family);
        Assert.NotNull(entry);
        return entry.Destination;
    }

    private static NetlinkMessage WithCommand(NetlinkMessage message, byte command)
    {
        var payload = message.Payload.ToArray();
        payload[0] = command;
        return message with { Payload = payload };
    }

    private static string Name(byte command) => command switch
    {
        IPVS_CMD_NEW_SERVICE => "NEW_SERVICE",
        IPVS_CMD_SET_SERVICE => "SET_SERVICE",
        IPVS_CMD_DEL_SERVICE => "DEL_SERVICE",
        IPVS_CMD_NEW_DEST => "NEW_DEST",
        IPVS_CMD_SET_DEST => "SET_DEST",
        IPVS_CMD_DEL_DEST => "DEL_DEST",
        _ => $"command {command}",
    };
}
