using System.Net;
using System.Net.Sockets;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Abstractions.VirtualServers;
using Vigil.Linux.Netlink;
using Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

namespace Vigil.Ipvs.Tests.DataPlanes.Ipvs;

/// <summary>
/// A NEW_DEST (or NEW_SERVICE) request lays its nested attributes out as the kernel's dump reply does, so decoding the
/// request gives back what was encoded.
/// </summary>
public class IpvsMessagesPropertyTests
{
    [Property(MaxTest = 500)]
    public Property NewAndSetDestination_ParseBack_ToTheSameDestination() =>
        Prop.ForAll(Services().ToArbitrary(), Destinations().ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (service, destination, set) =>
        {
            var bytes = set
                ? IpvsMessages.SetDestination(0x23, 1, service, destination)
                : IpvsMessages.NewDestination(0x23, 1, service, destination);
            var message = Assert.Single(NetlinkParser.Messages(bytes));

            // A SET_DEST request carries command 6, which a dump never does; decode its nest under the dump's command.
            var asReply = set ? message with { Payload = WithCommand(message.Payload, IpvsConstants.IPVS_CMD_NEW_DEST) } : message;
            var entry = IpvsMessages.ParseDestination(asReply, service.Family);
            return entry is not null && entry.Destination == destination && entry.Connections == 0 && entry.ActiveConnections == 0;
        });

    [Property(MaxTest = 500)]
    public Property NewService_ParsesBack_ToTheSameServiceAndSettings() =>
        Prop.ForAll(Services().ToArbitrary(), Settings().ToArbitrary(), (service, settings) =>
        {
            var message = Assert.Single(NetlinkParser.Messages(IpvsMessages.NewService(0x23, 1, service, settings)));

            return IpvsMessages.ParseService(message) == new IpvsServiceEntry(service, settings);
        });

    private static ReadOnlyMemory<byte> WithCommand(ReadOnlyMemory<byte> payload, byte command)
    {
        var copy = payload.ToArray();
        copy[0] = command;
        return copy;
    }

    internal static Gen<IPAddress> Addresses() =>
        Gen.OneOf(
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 4).Select(b => new IPAddress(b)),
            Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 16).Select(b => new IPAddress(b)).Where(a => !a.IsIPv4MappedToIPv6));

    internal static Gen<IpvsDestination> Destinations() =>
        from address in Addresses()
        from port in Gen.Choose(0, 65535)
        from method in Gen.Elements(IpvsConstants.IP_VS_CONN_F_MASQ, IpvsConstants.IP_VS_CONN_F_TUNNEL, IpvsConstants.IP_VS_CONN_F_DROUTE)
        from weight in Gen.OneOf(Gen.Choose(0, 65535), Gen.Elements(0, 1, 65535))
        select new IpvsDestination(new RealServerKey(address, port), method, (uint)weight);

    private static Gen<VirtualServerKey> Services() =>
        Gen.OneOf(
            from address in Addresses()
            from port in Gen.Choose(0, 65535)
            from protocol in Gen.Elements(TransportProtocol.Tcp, TransportProtocol.Udp, TransportProtocol.Sctp)
            select VirtualServerKey.ForEndpoint(address, port, protocol),
            from mark in Gen.Choose(1, int.MaxValue)
            from family in Gen.Elements(AddressFamily.InterNetwork, AddressFamily.InterNetworkV6)
            select VirtualServerKey.ForFwmark((uint)mark, family));

    private static Gen<IpvsServiceSettings> Settings() =>
        from scheduler in Gen.Elements("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "sh", "dh", "sed", "nq", "mh", "fo", "ovf")
        from flags in Gen.Elements(0u, 1u, 4u, 5u, 8u, 0x10u, 0x19u)
        from timeout in Gen.Choose(0, 100_000)
        from netmask in Gen.Elements(0xffffffffu, 0x00ffffffu, 128u, 64u)
        select new IpvsServiceSettings(scheduler, flags, (uint)timeout, netmask);
}
