using System.Net;
using Vigil.Linux.Netlink.Route;

namespace Vigil.Linux.Tests.Netlink.Route;

public class NetlinkRequestsTests
{
    [Fact]
    public void AddAddress_Ipv4VipWithBroadcastAndLabel_MatchesGoldenBytes()
    {
        var spec = new AddressSpec(2, IPAddress.Parse("192.168.1.100"), 24, IPAddress.Parse("192.168.1.255"), "eth0:1");

        var bytes = NetlinkRequests.AddAddress(1, spec);

        Assert.Equal(
            Hex("3c000000 1400 0506 01000000 00000000 02180000 02000000 " +
                "08000200 c0a80164 08000100 c0a80164 08000400 c0a801ff 0b000300 657468303a3100 00"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void AddAddress_Ipv6NoDad_SetsFlagInHeaderAndAttribute()
    {
        var spec = new AddressSpec(3, IPAddress.Parse("fd00::10"), 64);

        var bytes = NetlinkRequests.AddAddress(2, spec);

        Assert.Equal(
            Hex("48000000 1400 0506 02000000 00000000 0a400200 03000000 " +
                "14000200 fd000000000000000000000000000010 14000100 fd000000000000000000000000000010 08000800 02000000"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void DeleteAddress_UsesDelAddrWithAckOnly()
    {
        var bytes = NetlinkRequests.DeleteAddress(9, new AddressSpec(2, IPAddress.Parse("10.0.0.1"), 32));

        Assert.Equal(Hex("28000000 1500 0500 09000000 00000000 02200000 02000000 08000200 0a000001 08000100 0a000001"), Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void AddRoute_WithGatewayDeviceTableAndMetric_MatchesGoldenBytes()
    {
        var spec = new RouteSpec(IPAddress.Parse("10.1.0.0"), 16, IPAddress.Parse("10.77.0.254"), 2, Metric: 5);

        var bytes = NetlinkRequests.AddRoute(3, spec);

        Assert.Equal(
            Hex("44000000 1800 0506 03000000 00000000 02100000 fe030001 00000000 " +
                "08000f00 fe000000 08000100 0a010000 08000500 0a4d00fe 08000400 02000000 08000600 05000000"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void AddRoute_WithoutGatewayInHighTable_UsesLinkScopeAndTableAttribute()
    {
        var bytes = NetlinkRequests.AddRoute(4, new RouteSpec(IPAddress.Parse("10.2.0.0"), 24, InterfaceIndex: 2, Table: 1000));

        Assert.Equal(
            Hex("34000000 1800 0506 04000000 00000000 02180000 0003fd01 00000000 " +
                "08000f00 e8030000 08000100 0a020000 08000400 02000000"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void CreateMacvlan_PrivateModeWithVirtualMac_MatchesGoldenBytes()
    {
        var bytes = NetlinkRequests.CreateMacvlan(7, "vrrp.14", 2, Convert.FromHexString("00005e00010e"));

        Assert.Equal(
            Hex("5c000000 1000 0506 07000000 00000000 " +
                "00000000 00000000 00000000 00000000 " +
                "0c000300 767272702e313400 08000500 02000000 0a000100 00005e00010e 0000 " +
                "1c001200 0c000100 6d6163766c616e00 0c000200 08000100 01000000"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void SetLinkUp_ChangesOnlyIffUp()
    {
        Assert.Equal(
            Hex("20000000 1000 0500 05000000 00000000 00000000 04000000 01000000 01000000"),
            Convert.ToHexStringLower(NetlinkRequests.SetLinkUp(5, 4, up: true)));
        Assert.Equal(
            Hex("20000000 1000 0500 06000000 00000000 00000000 04000000 00000000 01000000"),
            Convert.ToHexStringLower(NetlinkRequests.SetLinkUp(6, 4, up: false)));
    }

    [Fact]
    public void DumpAddresses_IsDumpRequestForFamily()
    {
        Assert.Equal(
            Hex("18000000 1600 0103 08000000 00000000 0a000000 00000000"),
            Convert.ToHexStringLower(NetlinkRequests.DumpAddresses(8, System.Net.Sockets.AddressFamily.InterNetworkV6)));
    }

    internal static string Hex(string spaced) => spaced.Replace(" ", string.Empty);
}
