using System.Net;
using Vigil.Plugins.Vrrp.Os;
using Vigil.Vrrp.Tests.Protocol;

namespace Vigil.Vrrp.Tests.Os;

public class GratuitousFramesTests
{
    [Fact]
    public void Arp_Vip_IsBroadcastRequestWithSenderAndTargetTheVip()
    {
        var frame = GratuitousFrames.Arp(Convert.FromHexString("02000000000a"), IPAddress.Parse("10.77.0.100"));

        Assert.Equal(
            Packets.Hex("ffffffffffff 02000000000a 0806 0001 0800 06 04 0001 02000000000a 0a4d0064 ffffffffffff 0a4d0064"),
            frame);
    }

    [Fact]
    public void NeighbourAdvert_Vip_HasOverrideFlagTargetAndLinkLayerOption()
    {
        var message = GratuitousFrames.NeighbourAdvert(VirtualMac.For(14, ipv6: true), IPAddress.Parse("fd77::64"));

        Assert.Equal(
            Packets.Hex("88 00 0000 20000000 fd770000000000000000000000000064 02 01 00005e00020e"),
            message);
    }

    [Fact]
    public void Arp_Ipv6Address_Throws() =>
        Assert.Throws<ArgumentException>(() => GratuitousFrames.Arp(new byte[6], IPAddress.IPv6Loopback));
}
