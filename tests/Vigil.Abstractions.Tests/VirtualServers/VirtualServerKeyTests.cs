using System.Net;
using System.Net.Sockets;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Tests.VirtualServers;

public class VirtualServerKeyTests
{
    [Theory]
    [InlineData("10.0.0.1 80")]
    [InlineData("10.0.0.1   80")]
    [InlineData("10.0.0.1\t80")]
    [InlineData("  10.0.0.1 \t 80  ")]
    [InlineData("10.0.0.1:80")]
    [InlineData("10.0.0.1:80/tcp")]
    [InlineData("10.0.0.1:80/TCP")]
    [InlineData("10.0.0.1 80/tcp")]
    [InlineData("::ffff:10.0.0.1 80")]
    [InlineData("[::ffff:10.0.0.1]:80")]
    public void TryParse_SpellingsOfOneIpv4Service_GiveTheSameKey(string text)
    {
        Assert.True(VirtualServerKey.TryParse(text, TransportProtocol.Tcp, out var key, out var error), error);

        Assert.Equal(VirtualServerKey.ForEndpoint(IPAddress.Parse("10.0.0.1"), 80), key);
        Assert.Equal(VirtualServerKind.Endpoint, key.Kind);
        Assert.Equal(AddressFamily.InterNetwork, key.Family);
        Assert.Equal("10.0.0.1:80/tcp", key.ToString());
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("2001:db8:0::1 80")]
    [InlineData("2001:db8::1 80")]
    [InlineData("2001:0db8:0000:0000:0000:0000:0000:0001 80")]
    [InlineData("2001:DB8::1 80")]
    [InlineData("[2001:db8::1]:80")]
    [InlineData("[2001:db8::1]:80/tcp")]
    [InlineData("[2001:db8::1] 80")]
    public void TryParse_SpellingsOfOneIpv6Service_AreNormalised(string text)
    {
        Assert.True(VirtualServerKey.TryParse(text, TransportProtocol.Tcp, out var key, out var error), error);

        Assert.Equal(IPAddress.Parse("2001:db8::1"), key.Address);
        Assert.Equal(80, key.Port);
        Assert.Equal(AddressFamily.InterNetworkV6, key.Family);
        Assert.Equal("[2001:db8::1]:80/tcp", key.ToString());
    }

    [Theory]
    [InlineData("0.0.0.0 80", "0.0.0.0:80/tcp")]
    [InlineData("10.0.0.0 80", "10.0.0.0:80/tcp")]
    [InlineData("100.200.10.0 80", "100.200.10.0:80/tcp")]
    [InlineData("255.255.255.255 80", "255.255.255.255:80/tcp")]
    public void TryParse_ZeroParts_AreNotLeadingZeros(string text, string expected)
    {
        Assert.True(VirtualServerKey.TryParse(text, TransportProtocol.Tcp, out var key, out var error), error);

        Assert.Equal(expected, key.ToString());
    }

    [Fact]
    public void TryParse_AddressWithoutPort_HasPortZero()
    {
        Assert.True(VirtualServerKey.TryParse("10.0.0.1", TransportProtocol.Tcp, out var key, out _));

        Assert.Equal(0, key.Port);
        Assert.Equal("10.0.0.1:0/tcp", key.ToString());
    }

    [Fact]
    public void TryParse_BareIpv6WithoutPort_IsTheWholeAddress()
    {
        Assert.True(VirtualServerKey.TryParse("2001:db8::80", TransportProtocol.Tcp, out var key, out _));

        Assert.Equal(IPAddress.Parse("2001:db8::80"), key.Address);
        Assert.Equal(0, key.Port);
    }

    [Fact]
    public void TryParse_Ipv4MappedAddress_IsStoredAsIpv4()
    {
        Assert.True(VirtualServerKey.TryParse("::ffff:10.0.0.1 80", TransportProtocol.Tcp, out var key, out _));

        Assert.Equal(AddressFamily.InterNetwork, key.Address!.AddressFamily);
        Assert.Equal(IPAddress.Parse("10.0.0.1"), key.Address);
    }

    [Theory]
    [InlineData(TransportProtocol.Tcp, "10.0.0.1:80/tcp")]
    [InlineData(TransportProtocol.Udp, "10.0.0.1:80/udp")]
    [InlineData(TransportProtocol.Sctp, "10.0.0.1:80/sctp")]
    public void TryParse_TextNamingNoProtocol_TakesTheProtocolArgument(TransportProtocol protocol, string expected)
    {
        Assert.True(VirtualServerKey.TryParse("10.0.0.1 80", protocol, out var key, out _));

        Assert.Equal(protocol, key.Protocol);
        Assert.Equal(expected, key.ToString());
    }

    [Theory]
    [InlineData("10.0.0.1:80/udp", TransportProtocol.Tcp, TransportProtocol.Udp)]
    [InlineData("10.0.0.1:80/SCTP", TransportProtocol.Udp, TransportProtocol.Sctp)]
    [InlineData("10.0.0.1:80/tcp", TransportProtocol.Sctp, TransportProtocol.Tcp)]
    [InlineData("10.0.0.1 80/udp", TransportProtocol.Tcp, TransportProtocol.Udp)]
    [InlineData("group:web/udp", TransportProtocol.Sctp, TransportProtocol.Udp)]
    public void TryParse_TextNamingAProtocol_OverridesTheArgument(string text, TransportProtocol argument, TransportProtocol expected)
    {
        Assert.True(VirtualServerKey.TryParse(text, argument, out var key, out _));

        Assert.Equal(expected, key.Protocol);
    }

    [Theory]
    [InlineData("[2001:db8::1]:80/udp", "[2001:db8::1]:80/udp")]
    [InlineData("fwmark:7/inet6", "fwmark:7/inet6")]
    [InlineData("fwmark:7", "fwmark:7")]
    [InlineData("group:web/tcp", "group:web/tcp")]
    [InlineData("10.0.0.1:80/sctp", "10.0.0.1:80/sctp")]
    public void TryParse_CanonicalForm_RoundTrips(string text, string expected)
    {
        Assert.True(VirtualServerKey.TryParse(text, TransportProtocol.Tcp, out var key, out var error), error);

        Assert.Equal(expected, key.ToString());
        Assert.Equal(key, VirtualServerKey.Parse(key.ToString()));
    }

    [Theory]
    [InlineData("fwmark 7")]
    [InlineData("FWMARK 7")]
    [InlineData("fwmark   7")]
    [InlineData("fwmark 7 inet")]
    [InlineData("fwmark:7")]
    [InlineData("fwmark:7/inet")]
    public void TryParse_Fwmark_IsAnInetFwmarkService(string text)
    {
        Assert.True(VirtualServerKey.TryParse(text, TransportProtocol.Udp, out var key, out var error), error);

        Assert.Equal(VirtualServerKind.Fwmark, key.Kind);
        Assert.Equal(7u, key.Fwmark);
        Assert.Equal(AddressFamily.InterNetwork, key.Family);
        Assert.Null(key.Address);
        Assert.Equal(0, key.Port);
        Assert.Null(key.Group);
        Assert.Equal(TransportProtocol.Tcp, key.Protocol);
        Assert.Equal("fwmark:7", key.ToString());
    }

    [Theory]
    [InlineData("fwmark 7 inet6")]
    [InlineData("fwmark 7 INET6")]
    [InlineData("fwmark:7/inet6")]
    [InlineData("fwmark 7/inet6")]
    public void TryParse_FwmarkInet6_IsAnInet6FwmarkService(string text)
    {
        Assert.True(VirtualServerKey.TryParse(text, TransportProtocol.Tcp, out var key, out var error), error);

        Assert.Equal(VirtualServerKey.ForFwmark(7, AddressFamily.InterNetworkV6), key);
        Assert.Equal("fwmark:7/inet6", key.ToString());
    }

    [Fact]
    public void TryParse_LargestFwmark_IsAccepted()
    {
        Assert.True(VirtualServerKey.TryParse("fwmark 4294967295", TransportProtocol.Tcp, out var key, out _));

        Assert.Equal(uint.MaxValue, key.Fwmark);
    }

    [Theory]
    [InlineData("group web")]
    [InlineData("GROUP web")]
    [InlineData("group   web")]
    [InlineData("group:web")]
    [InlineData("group:web/tcp")]
    [InlineData(" group web ")]
    public void TryParse_Group_IsAGroupService(string text)
    {
        Assert.True(VirtualServerKey.TryParse(text, TransportProtocol.Tcp, out var key, out var error), error);

        Assert.Equal(VirtualServerKind.Group, key.Kind);
        Assert.Equal("web", key.Group);
        Assert.Equal(AddressFamily.Unspecified, key.Family);
        Assert.Null(key.Address);
        Assert.Equal(0u, key.Fwmark);
        Assert.Equal("group:web/tcp", key.ToString());
    }

    [Fact]
    public void TryParse_GroupWithoutSuffix_TakesTheProtocolArgument()
    {
        Assert.True(VirtualServerKey.TryParse("group web", TransportProtocol.Udp, out var key, out _));

        Assert.Equal("group:web/udp", key.ToString());
    }

    [Fact]
    public void TryParse_GroupNamesDifferingInCase_AreDifferentGroups()
    {
        Assert.NotEqual(VirtualServerKey.Parse("group web"), VirtualServerKey.Parse("group WEB"));
    }

    [Theory]
    [InlineData(null, "a virtual server needs an address and port, 'fwmark N' or 'group NAME'")]
    [InlineData("", "a virtual server needs an address and port, 'fwmark N' or 'group NAME'")]
    [InlineData("   \t ", "a virtual server needs an address and port, 'fwmark N' or 'group NAME'")]
    [InlineData("garbage", "'garbage' is not an IP address")]
    [InlineData("www.example.com 80", "'www.example.com' is not an IP address")]
    [InlineData("10.1 80", "'10.1' is not an IP address")]
    [InlineData("10.1", "'10.1' is not an IP address")]
    [InlineData("10 80", "'10' is not an IP address")]
    [InlineData("10.0.0.256 80", "'10.0.0.256' is not an IP address")]
    [InlineData("010.0.0.1 80", "'010.0.0.1' is not an IP address")]
    [InlineData("192.168.010.1 80", "'192.168.010.1' is not an IP address")]
    [InlineData("10.0.0.01:80", "'10.0.0.01' is not an IP address")]
    [InlineData("0x0a.0.0.1 80", "'0x0a.0.0.1' is not an IP address")]
    [InlineData("10.0.0.0377 80", "'10.0.0.0377' is not an IP address")]
    [InlineData("4294967295 80", "'4294967295' is not an IP address")]
    [InlineData("[2001:db8::1]:80 443", "'[2001:db8::1]:80' is not an IP address")]
    [InlineData("[2001:db8::1]:99999 443", "'[2001:db8::1]:99999' is not an IP address")]
    [InlineData("[[2001:db8::1]] 80", "'[[2001:db8::1]]' is not an IP address")]
    [InlineData("10.0.0.1 70000", "port '70000' is not a number in 0-65535")]
    [InlineData("10.0.0.1:70000", "port '70000' is not a number in 0-65535")]
    [InlineData("10.0.0.1 -1", "port '-1' is not a number in 0-65535")]
    [InlineData("10.0.0.1 http", "port 'http' is not a number in 0-65535")]
    [InlineData("10.0.0.1 80 tcp", "'10.0.0.1 80 tcp' is not an address and a port")]
    [InlineData("fwmark 0", "fwmark '0' is not a number in 1-4294967295")]
    [InlineData("fwmark", "fwmark '' is not a number in 1-4294967295")]
    [InlineData("fwmark:", "fwmark '' is not a number in 1-4294967295")]
    [InlineData("fwmark -7", "fwmark '-7' is not a number in 1-4294967295")]
    [InlineData("fwmark 4294967296", "fwmark '4294967296' is not a number in 1-4294967295")]
    [InlineData("fwmark seven", "fwmark 'seven' is not a number in 1-4294967295")]
    [InlineData("fwmark 7 inet4", "unexpected 'inet4' after fwmark 7 (only inet or inet6 may follow)")]
    [InlineData("fwmark 7 inet6 inet", "unexpected 'inet6 inet' after fwmark 7 (only inet or inet6 may follow)")]
    [InlineData("fwmark:7/udp", "unexpected 'udp' after fwmark 7 (only inet or inet6 may follow)")]
    [InlineData("group", "'group' needs exactly one virtual_server_group name")]
    [InlineData("group:", "'group' needs exactly one virtual_server_group name")]
    [InlineData("group web api", "'group' needs exactly one virtual_server_group name")]
    [InlineData("group:web api", "'group' needs exactly one virtual_server_group name")]
    [InlineData("group:web/inet6", "'inet6' is not a protocol (TCP, UDP or SCTP)")]
    [InlineData("10.0.0.1:80/inet", "'inet' is not a protocol (TCP, UDP or SCTP)")]
    [InlineData("10.0.0.1:80/http", "port '80/http' is not a number in 0-65535")]
    [InlineData("10.0.0.1 80/http", "port '80/http' is not a number in 0-65535")]
    [InlineData("/tcp", "'/tcp' is not an IP address")]
    [InlineData("groupweb", "'groupweb' is not an IP address")]
    public void TryParse_Invalid_FailsWithMessage(string? text, string expected)
    {
        Assert.False(VirtualServerKey.TryParse(text, TransportProtocol.Tcp, out var key, out var error));

        Assert.Null(key);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithTheMessage()
    {
        var e = Assert.Throws<FormatException>(() => VirtualServerKey.Parse("10.0.0.1 70000"));

        Assert.Equal("port '70000' is not a number in 0-65535", e.Message);
    }

    [Fact]
    public void Parse_TextNamingNoProtocol_DefaultsToTcp()
    {
        Assert.Equal(TransportProtocol.Tcp, VirtualServerKey.Parse("10.0.0.1 80").Protocol);
    }

    [Fact]
    public void Equals_SameAddressDifferentProtocol_AreDifferent()
    {
        Assert.NotEqual(VirtualServerKey.Parse("10.0.0.1:80/tcp"), VirtualServerKey.Parse("10.0.0.1:80/udp"));
    }

    [Fact]
    public void Equals_SameAddressDifferentPort_AreDifferent()
    {
        Assert.NotEqual(VirtualServerKey.Parse("10.0.0.1 80"), VirtualServerKey.Parse("10.0.0.1 81"));
    }

    [Fact]
    public void Equals_FwmarkOfDifferentFamilies_AreDifferent()
    {
        Assert.NotEqual(VirtualServerKey.Parse("fwmark 7"), VirtualServerKey.Parse("fwmark 7 inet6"));
    }

    [Fact]
    public void GetHashCode_EqualSpellings_AreEqual()
    {
        Assert.Equal(VirtualServerKey.Parse("2001:db8:0::1 80").GetHashCode(), VirtualServerKey.Parse("[2001:db8::1]:80/tcp").GetHashCode());
    }

    [Fact]
    public void ForEndpoint_MappedAddress_IsStoredAsIpv4()
    {
        var key = VirtualServerKey.ForEndpoint(IPAddress.Parse("::ffff:192.0.2.7"), 443, TransportProtocol.Udp);

        Assert.Equal(IPAddress.Parse("192.0.2.7"), key.Address);
        Assert.Equal(AddressFamily.InterNetwork, key.Family);
        Assert.Equal("192.0.2.7:443/udp", key.ToString());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void ForEndpoint_PortOutOfRange_Throws(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VirtualServerKey.ForEndpoint(IPAddress.Loopback, port));
    }

    [Fact]
    public void ForEndpoint_NullAddress_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => VirtualServerKey.ForEndpoint(null!, 80));
    }

    [Fact]
    public void ForEndpoint_PortBounds_AreAccepted()
    {
        Assert.Equal("10.0.0.1:0/tcp", VirtualServerKey.ForEndpoint(IPAddress.Parse("10.0.0.1"), 0).ToString());
        Assert.Equal("10.0.0.1:65535/tcp", VirtualServerKey.ForEndpoint(IPAddress.Parse("10.0.0.1"), 65535).ToString());
    }

    [Fact]
    public void ForFwmark_DefaultFamily_IsInet()
    {
        Assert.Equal(AddressFamily.InterNetwork, VirtualServerKey.ForFwmark(7).Family);
    }

    [Fact]
    public void ForFwmark_OtherFamily_ThrowsNamingTheRule()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => VirtualServerKey.ForFwmark(7, AddressFamily.Unix));

        Assert.Equal("family", e.ParamName);
        Assert.StartsWith("a fwmark service is inet or inet6", e.Message);
    }

    [Fact]
    public void ForGroup_Name_IsTrimmed()
    {
        Assert.Equal("web", VirtualServerKey.ForGroup("  web ").Group);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ForGroup_BlankName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => VirtualServerKey.ForGroup(name));
    }

    [Fact]
    public void ForGroup_NullName_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => VirtualServerKey.ForGroup(null!));
    }

    [Fact]
    public void ToString_GroupNameWithSlash_ParsesBack()
    {
        var key = VirtualServerKey.ForGroup("web/udp");

        Assert.Equal("group:web/udp/tcp", key.ToString());
        Assert.Equal(key, VirtualServerKey.Parse(key.ToString()));
    }

    [Fact]
    public void ToString_Ipv6WithScope_ParsesBack()
    {
        var key = VirtualServerKey.ForEndpoint(IPAddress.Parse("fe80::1%2"), 80);

        Assert.Equal("[fe80::1%2]:80/tcp", key.ToString());
        Assert.Equal(key, VirtualServerKey.Parse(key.ToString()));
    }
}
