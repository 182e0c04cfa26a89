using System.Net;
using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Engine;

namespace Vigil.Vrrp.Tests.Engine;

public class AddressPlanTests
{
    [Fact]
    public void Address_WithBrdPlusScopeAndLabel_MapsToNetlinkSpec()
    {
        var vip = VirtualAddress.TryParse("192.168.1.100/24 brd + scope link label eth0:1", out _)!;

        var spec = AddressPlan.Address(vip, 7);

        Assert.Equal((7, 24, IPAddress.Parse("192.168.1.255"), "eth0:1", (byte)253), (spec.InterfaceIndex, spec.PrefixLength, spec.Broadcast, spec.Label, spec.Scope));
    }

    [Fact]
    public void Address_Ipv6_HasNoLabelOrBroadcast()
    {
        var spec = AddressPlan.Address(VirtualAddress.TryParse("fd00::1/64 label x", out _)!, 2);

        Assert.Null(spec.Label);
        Assert.Null(spec.Broadcast);
    }

    [Fact]
    public void Route_WithViaDevMetricTable_IsParsed()
    {
        var route = AddressPlan.Route("10.0.0.0/8 via 192.168.1.1 dev eth1 metric 5 table 100", 2, n => n == "eth1" ? 3 : null)!;

        Assert.Equal((IPAddress.Parse("10.0.0.0"), 8, IPAddress.Parse("192.168.1.1"), (int?)3, 100u, (uint?)5u),
            (route.Destination, route.PrefixLength, route.Gateway, route.InterfaceIndex, route.Table, route.Metric));
    }

    [Fact]
    public void Route_Default_IsZeroPrefix()
    {
        var route = AddressPlan.Route("default via 10.0.0.1", 2, _ => null)!;

        Assert.Equal((IPAddress.Any, 0, (int?)2), (route.Destination, route.PrefixLength, route.InterfaceIndex));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address via 1.2.3.4")]
    public void Route_Unparsable_IsNull(string line) => Assert.Null(AddressPlan.Route(line, 2, _ => null));
}
