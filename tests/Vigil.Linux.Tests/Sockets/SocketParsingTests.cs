using System.Net;
using Vigil.Linux.Sockets;
using Vigil.Linux.Tests.Netlink.Route;

namespace Vigil.Linux.Tests.Sockets;

public class SocketParsingTests
{
    [Fact]
    public void ControlMessages_ParseIpv6_ReadsPktInfoAndHopLimit()
    {
        var control = Convert.FromHexString(NetlinkRequestsTests.Hex(
            "2400000000000000 29000000 32000000 ff020000000000000000000000000012 03000000 00000000" +
            "1400000000000000 29000000 34000000 ff000000 00000000"));

        var (destination, index, hopLimit) = ControlMessages.ParseIpv6(control);

        Assert.Equal((IPAddress.Parse("ff02::12"), 3, 255), (destination, index, hopLimit));
    }

    [Fact]
    public void SockAddr_Inet6_WritesScopeForLinkLocal()
    {
        var bytes = SockAddr.Inet(IPAddress.Parse("ff02::12"), 7);

        Assert.Equal(NetlinkRequestsTests.Hex("0a00 0000 00000000 ff020000000000000000000000000012 07000000"), Convert.ToHexStringLower(bytes));
        Assert.Equal(IPAddress.Parse("ff02::12"), SockAddr.ReadInet(bytes));
    }
}
