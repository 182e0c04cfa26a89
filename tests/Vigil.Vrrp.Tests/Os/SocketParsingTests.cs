using System.Net;
using Vigil.Plugins.Vrrp.Os;

namespace Vigil.Vrrp.Tests.Os;

public class SocketParsingTests
{
    [Fact]
    public void Ipv4Header_TryParse_ReadsTtlProtocolAndAddresses()
    {
        var packet = Convert.FromHexString("45c00028000000 00ff70 0000 0a4d0001 e0000012 3133640100010000".Replace(" ", string.Empty));

        Assert.True(Ipv4Header.TryParse(packet, out var header));
        Assert.Equal((20, 255, 112, IPAddress.Parse("10.77.0.1"), IPAddress.Parse("224.0.0.18")),
            (header.HeaderLength, header.Ttl, header.Protocol, header.Source, header.Destination));
    }

    [Fact]
    public void Ipv4Header_TryParse_TooShort_ReturnsFalse() => Assert.False(Ipv4Header.TryParse(new byte[19], out _));

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
