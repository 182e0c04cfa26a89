using System.Net;
using FsCheck.Xunit;
using Vigil.Linux.Netlink;
using Vigil.Linux.Netlink.Route;
using Vigil.Linux.Tests.Netlink.Route;

namespace Vigil.Linux.Tests.Netlink;

public class NetlinkParserTests
{
    [Fact]
    public void Messages_TwoMessagesInOneDatagram_SplitsOnAlignedLength()
    {
        var first = new NetlinkMessageBuilder(RouteConstants.RTM_NEWLINK, NetlinkConstants.NLM_F_MULTI, 1).Append(new byte[16]).AttributeString(RouteConstants.IFLA_IFNAME, "eth0").ToArray();
        var done = new NetlinkMessageBuilder(NetlinkConstants.NLMSG_DONE, NetlinkConstants.NLM_F_MULTI, 1).Append(new byte[4]).ToArray();

        var messages = NetlinkParser.Messages(first.Concat(done).ToArray());

        Assert.Equal([RouteConstants.RTM_NEWLINK, NetlinkConstants.NLMSG_DONE], messages.Select(m => m.Type));
        Assert.Equal("eth0", NetlinkParser.String(NetlinkParser.Attributes(messages[0].Payload, 16)[RouteConstants.IFLA_IFNAME]));
    }

    [Fact]
    public void ErrorCode_NegativeErrnoInPayload_ReturnsPositiveErrno()
    {
        var bytes = Convert.FromHexString(NetlinkRequestsTests.Hex("24000000 0200 0001 05000000 00000000 efffffff 14000000 1400 0506 05000000 00000000"));

        var message = Assert.Single(NetlinkParser.Messages(bytes));

        Assert.Equal(17, NetlinkParser.ErrorCode(message));
        Assert.Equal("EEXIST", new OsException("add", 17).ErrorName);
    }

    [Fact]
    public void Link_NewLinkMessage_DecodesIndexFlagsOperStateAndMac()
    {
        var header = Convert.FromHexString("00000100" + "03000000" + "43100100" + "00000000");
        var bytes = new NetlinkMessageBuilder(RouteConstants.RTM_NEWLINK, 0, 0)
            .Append(header)
            .AttributeString(RouteConstants.IFLA_IFNAME, "eth0")
            .Attribute(RouteConstants.IFLA_OPERSTATE, [6])
            .Attribute(RouteConstants.IFLA_ADDRESS, Convert.FromHexString("02000000000a"))
            .ToArray();

        var link = NetlinkDecoders.Link(Assert.Single(NetlinkParser.Messages(bytes)))!;

        Assert.Equal((3, "eth0", (byte)6, "02:00:00:00:00:0a"), (link.Index, link.Name, link.OperState, link.MacText));
        Assert.True(link.IsUp);
        Assert.True(link.IsRunning);
    }

    [Fact]
    public void Address_NewAddrMessage_PrefersLocalAndReadsLabel()
    {
        var bytes = NetlinkRequests.AddAddress(1, new AddressSpec(2, IPAddress.Parse("10.0.0.5"), 32, Label: "eth0:1"));
        bytes[4] = (byte)RouteConstants.RTM_NEWADDR;

        var address = NetlinkDecoders.Address(Assert.Single(NetlinkParser.Messages(bytes)))!;

        Assert.Equal((2, IPAddress.Parse("10.0.0.5"), 32, "eth0:1"), (address.InterfaceIndex, address.Address, address.PrefixLength, address.Label));
    }

    [Property]
    public bool Messages_ArbitraryBytes_NeverThrowAndStayInBounds(byte[] datagram)
    {
        foreach (var message in NetlinkParser.Messages(datagram))
        {
            _ = NetlinkParser.Attributes(message.Payload, 16);
            _ = NetlinkDecoders.Link(message);
            _ = NetlinkDecoders.Address(message);
        }

        return true;
    }

    [Property]
    public bool Builder_AttributesRoundTrip(byte[] payload, ushort rawType)
    {
        var type = (ushort)(rawType & 0x7fff);
        if (payload.Length > 1000)
        {
            return true;
        }

        var bytes = new NetlinkMessageBuilder(RouteConstants.RTM_NEWADDR, 0, 0).Append(new byte[8]).Attribute(type, payload).ToArray();
        var parsed = NetlinkParser.Attributes(Assert.Single(NetlinkParser.Messages(bytes)).Payload, 8);
        return bytes.Length % 4 == 0 && parsed[type].ToArray().SequenceEqual(payload);
    }
}
