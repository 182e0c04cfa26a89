using System.Net;
using System.Net.Sockets;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Tests.VirtualServers;

public class VirtualServerGroupMemberTests
{
    [Fact]
    public void TryParse_AddressAndPort_IsAnAddressMember()
    {
        Assert.True(VirtualServerGroupMember.TryParse("10.0.0.1 80", out var member, out var error), error);

        Assert.False(member.IsFwmark);
        Assert.Equal(IPAddress.Parse("10.0.0.1"), member.Addresses!.First);
        Assert.Equal(IPAddress.Parse("10.0.0.1"), member.Addresses.Last);
        Assert.Equal(80, member.Port);
        Assert.Equal(0u, member.Fwmark);
        Assert.Equal(AddressFamily.InterNetwork, member.Family);
        Assert.Equal("", error);
    }

    [Fact]
    public void TryParse_AddressAlone_HasPortZero()
    {
        Assert.True(VirtualServerGroupMember.TryParse("10.0.0.1", out var member, out _));

        Assert.Equal(0, member.Port);
    }

    [Theory]
    [InlineData("192.168.200.1-10 80")]
    [InlineData("192.168.200.1-10\t80")]
    [InlineData("  192.168.200.1-10   80 ")]
    [InlineData("192.168.200.1-192.168.200.10 80")]
    public void TryParse_RangeWithPort_IsARangeMember(string line)
    {
        Assert.True(VirtualServerGroupMember.TryParse(line, out var member, out var error), error);

        Assert.Equal(10, (int)member.Addresses!.Count);
        Assert.Equal(80, member.Port);
        Assert.Equal("192.168.200.1-192.168.200.10 80", member.ToString());
    }

    [Fact]
    public void TryParse_CidrWithPort_IsARangeMember()
    {
        Assert.True(VirtualServerGroupMember.TryParse("192.168.202.8/29 443", out var member, out _));

        Assert.Equal(8, (int)member.Addresses!.Count);
        Assert.Equal(443, member.Port);
    }

    [Fact]
    public void TryParse_Ipv6AddressAndPort_IsAnInet6Member()
    {
        Assert.True(VirtualServerGroupMember.TryParse("2001:db8::1 80", out var member, out var error), error);

        Assert.Equal(IPAddress.Parse("2001:db8::1"), member.Addresses!.First);
        Assert.Equal(80, member.Port);
        Assert.Equal(AddressFamily.InterNetworkV6, member.Family);
        Assert.Equal("2001:db8::1 80", member.ToString());
    }

    [Fact]
    public void TryParse_Ipv6RangeAndPort_IsHexadecimal()
    {
        Assert.True(VirtualServerGroupMember.TryParse("2001:db8::1-1f 80", out var member, out _));

        Assert.Equal(31, (int)member.Addresses!.Count);
        Assert.Equal("2001:db8::1-2001:db8::1f 80", member.ToString());
    }

    [Theory]
    [InlineData("fwmark 7")]
    [InlineData("FWMARK 7")]
    [InlineData("fwmark   7 inet")]
    public void TryParse_Fwmark_IsAnInetFwmarkMember(string line)
    {
        Assert.True(VirtualServerGroupMember.TryParse(line, out var member, out var error), error);

        Assert.True(member.IsFwmark);
        Assert.Null(member.Addresses);
        Assert.Equal(7u, member.Fwmark);
        Assert.Equal(0, member.Port);
        Assert.Equal(AddressFamily.InterNetwork, member.Family);
        Assert.Equal("fwmark 7", member.ToString());
    }

    [Fact]
    public void TryParse_FwmarkInet6_IsAnInet6FwmarkMember()
    {
        Assert.True(VirtualServerGroupMember.TryParse("fwmark 7 inet6", out var member, out _));

        Assert.True(member.IsFwmark);
        Assert.Equal(AddressFamily.InterNetworkV6, member.Family);
        Assert.Equal("fwmark 7 inet6", member.ToString());
    }

    [Theory]
    [InlineData(null, "an empty virtual_server_group member")]
    [InlineData("", "an empty virtual_server_group member")]
    [InlineData(" \t ", "an empty virtual_server_group member")]
    [InlineData("10.0.0.1 80 90", "'10.0.0.1 80 90' is not an address (or range) and a port")]
    [InlineData("  10.0.0.1  80  tcp ", "'10.0.0.1  80  tcp' is not an address (or range) and a port")]
    [InlineData("10.0.0.1 70000", "port '70000' is not a number in 0-65535")]
    [InlineData("10.0.0.1 http", "port 'http' is not a number in 0-65535")]
    [InlineData("10.0.0.1 -1", "port '-1' is not a number in 0-65535")]
    [InlineData("10.1 80", "'10.1' is not an IP address")]
    [InlineData("10.0.0.1:80", "'10.0.0.1:80' is not an IP address")]
    [InlineData("[2001:db8::1]:80", "'[2001:db8::1]:80' is not an IP address")]
    [InlineData("010.0.0.1-10 80", "'010.0.0.1' is not an IP address")]
    [InlineData("10.0.0.10-1 80", "address range 10.0.0.10-1 ends before it starts")]
    [InlineData("10.0.0.1-2001:db8::1 80", "'2001:db8::1' is not the end of an address range starting at 10.0.0.1")]
    [InlineData("10.0.0.0/40 80", "prefix length '40' is not a number in 0-32")]
    [InlineData("fwmark 0", "fwmark '0' is not a number in 1-4294967295")]
    [InlineData("fwmark", "fwmark '' is not a number in 1-4294967295")]
    [InlineData("fwmark 7 80", "unexpected '80' after fwmark 7 (only inet or inet6 may follow)")]
    [InlineData("fwmark 7 inet6 extra", "unexpected 'inet6 extra' after fwmark 7 (only inet or inet6 may follow)")]
    public void TryParse_Invalid_FailsWithMessage(string? line, string expected)
    {
        Assert.False(VirtualServerGroupMember.TryParse(line, out var member, out var error));

        Assert.Null(member);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Keys_Range_IsOneEndpointKeyPerAddressInOrder()
    {
        Assert.True(VirtualServerGroupMember.TryParse("10.0.0.1-3 80", out var member, out _));

        Assert.Equal(
            ["10.0.0.1:80/udp", "10.0.0.2:80/udp", "10.0.0.3:80/udp"],
            member.Keys(TransportProtocol.Udp).Select(k => k.ToString()));
    }

    [Fact]
    public void Keys_AddressWithoutPort_HavePortZero()
    {
        Assert.True(VirtualServerGroupMember.TryParse("2001:db8::1", out var member, out _));

        Assert.Equal([VirtualServerKey.ForEndpoint(IPAddress.Parse("2001:db8::1"), 0)], member.Keys(TransportProtocol.Tcp));
    }

    [Theory]
    [InlineData(TransportProtocol.Tcp)]
    [InlineData(TransportProtocol.Sctp)]
    public void Keys_Fwmark_IsTheFwmarkKeyWhateverTheProtocol(TransportProtocol protocol)
    {
        Assert.True(VirtualServerGroupMember.TryParse("fwmark 7 inet6", out var member, out _));

        Assert.Equal([VirtualServerKey.ForFwmark(7, AddressFamily.InterNetworkV6)], member.Keys(protocol));
    }

    [Fact]
    public void Keys_HugeRange_AreExpandedLazily()
    {
        Assert.True(VirtualServerGroupMember.TryParse("2001:db8::/64 80", out var member, out _));

        Assert.Equal("[2001:db8::1]:80/tcp", member.Keys(TransportProtocol.Tcp).Skip(1).First().ToString());
    }

    [Theory]
    [InlineData("10.0.0.1 80", "10.0.0.1 80")]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("10.0.0.1 0", "10.0.0.1")]
    [InlineData("10.0.0.1-10", "10.0.0.1-10.0.0.10")]
    [InlineData("::ffff:10.0.0.1 80", "10.0.0.1 80")]
    [InlineData("fwmark 7 inet", "fwmark 7")]
    [InlineData("fwmark   7   INET6", "fwmark 7 inet6")]
    public void ToString_IsNormalisedAndParsesBack(string line, string expected)
    {
        Assert.True(VirtualServerGroupMember.TryParse(line, out var member, out _));

        Assert.Equal(expected, member.ToString());
        Assert.True(VirtualServerGroupMember.TryParse(member.ToString(), out var again, out _));
        Assert.Equal(member, again);
    }

    [Fact]
    public void Equals_SpellingsOfOneMember_AreEqual()
    {
        Assert.True(VirtualServerGroupMember.TryParse("192.168.202.8/29 80", out var cidr, out _));
        Assert.True(VirtualServerGroupMember.TryParse("192.168.202.8-15\t80", out var range, out _));

        Assert.Equal(cidr, range);
    }
}
