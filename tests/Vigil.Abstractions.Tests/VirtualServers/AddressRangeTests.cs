using System.Net;
using System.Net.Sockets;
using System.Numerics;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Tests.VirtualServers;

public class AddressRangeTests
{
    [Theory]
    [InlineData("192.168.200.1-10", "192.168.200.1", "192.168.200.10", 10)]
    [InlineData("192.168.200.250-192.168.201.10", "192.168.200.250", "192.168.201.10", 17)]
    [InlineData("192.168.202.8/29", "192.168.202.8", "192.168.202.15", 8)]
    [InlineData("192.168.202.13/29", "192.168.202.8", "192.168.202.15", 8)]
    [InlineData("10.0.0.7/32", "10.0.0.7", "10.0.0.7", 1)]
    [InlineData("10.0.0.7", "10.0.0.7", "10.0.0.7", 1)]
    [InlineData("10.0.0.7-7", "10.0.0.7", "10.0.0.7", 1)]
    [InlineData("10.0.0.0-255", "10.0.0.0", "10.0.0.255", 256)]
    [InlineData("10.0.0.1-010", "10.0.0.1", "10.0.0.10", 10)]
    [InlineData("::ffff:10.0.0.1-3", "10.0.0.1", "10.0.0.3", 3)]
    [InlineData("2001:db8::1-ff", "2001:db8::1", "2001:db8::ff", 255)]
    [InlineData("2001:db8::1-FF", "2001:db8::1", "2001:db8::ff", 255)]
    [InlineData("2001:db8::1:0-ffff", "2001:db8::1:0", "2001:db8::1:ffff", 65536)]
    [InlineData("2001:db8::1-2001:db8::1:0", "2001:db8::1", "2001:db8::1:0", 65536)]
    [InlineData("2001:db8::/126", "2001:db8::", "2001:db8::3", 4)]
    [InlineData("2001:db8::2/127", "2001:db8::2", "2001:db8::3", 2)]
    [InlineData("[2001:db8::5]", "2001:db8::5", "2001:db8::5", 1)]
    public void TryParse_Form_GivesFirstLastAndCount(string text, string first, string last, int count)
    {
        Assert.True(AddressRange.TryParse(text, out var range, out var error), error);

        Assert.Equal(IPAddress.Parse(first), range.First);
        Assert.Equal(IPAddress.Parse(last), range.Last);
        Assert.Equal(new BigInteger(count), range.Count);
        Assert.Equal("", error);
    }

    [Fact]
    public void TryParse_Ipv4ZeroPrefix_IsTheWholeSpace()
    {
        Assert.True(AddressRange.TryParse("10.1.2.3/0", out var range, out _));

        Assert.Equal(IPAddress.Parse("0.0.0.0"), range.First);
        Assert.Equal(IPAddress.Parse("255.255.255.255"), range.Last);
        Assert.Equal(BigInteger.Pow(2, 32), range.Count);
    }

    [Fact]
    public void TryParse_Ipv6ZeroPrefix_IsTheWholeSpace()
    {
        Assert.True(AddressRange.TryParse("2001:db8::1/0", out var range, out _));

        Assert.Equal(IPAddress.IPv6Any, range.First);
        Assert.Equal(IPAddress.Parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), range.Last);
        Assert.Equal(BigInteger.Pow(2, 128), range.Count);
    }

    [Fact]
    public void TryParse_Ipv6CidrReachingIntoTheMappedBlock_StaysIpv6AndParsesBack()
    {
        Assert.True(AddressRange.TryParse("::/80", out var range, out _));

        Assert.Equal(AddressFamily.InterNetworkV6, range.Last.AddressFamily);
        Assert.Equal("::-::ffff:255.255.255.255", range.ToString());
        Assert.True(AddressRange.TryParse(range.ToString(), out var again, out var error), error);
        Assert.Equal(range, again);
    }

    [Fact]
    public void TryParse_Ipv6RangeEndingInTheMappedBlock_IsAnIpv6Range()
    {
        Assert.True(AddressRange.TryParse("::fffe:0:0-::ffff:0.0.0.1", out var range, out var error), error);

        Assert.Equal(AddressFamily.InterNetworkV6, range.Family);
        Assert.Equal(new BigInteger(4294967298), range.Count);
    }

    [Theory]
    [InlineData("10.0.0.1", AddressFamily.InterNetwork)]
    [InlineData("10.0.0.0/8", AddressFamily.InterNetwork)]
    [InlineData("2001:db8::1-2", AddressFamily.InterNetworkV6)]
    public void Family_IsTheAddresses(string text, AddressFamily family)
    {
        Assert.True(AddressRange.TryParse(text, out var range, out _));

        Assert.Equal(family, range.Family);
    }

    [Theory]
    [InlineData("192.168.200.10-1", "address range 192.168.200.10-1 ends before it starts")]
    [InlineData("10.0.1.0-10.0.0.255", "address range 10.0.1.0-10.0.0.255 ends before it starts")]
    [InlineData("2001:db8::ff-1", "address range 2001:db8::ff-1 ends before it starts")]
    [InlineData("10.0.0.1-2001:db8::1", "'2001:db8::1' is not the end of an address range starting at 10.0.0.1")]
    [InlineData("2001:db8::1-10.0.0.1", "'10.0.0.1' is not the end of an address range starting at 2001:db8::1")]
    [InlineData("10.0.0.1-256", "'256' is not the end of an address range starting at 10.0.0.1")]
    [InlineData("10.0.0.1-ff", "'ff' is not the end of an address range starting at 10.0.0.1")]
    [InlineData("10.0.0.1-", "'' is not the end of an address range starting at 10.0.0.1")]
    [InlineData("10.0.0.1--5", "'-5' is not the end of an address range starting at 10.0.0.1")]
    [InlineData("10.0.0.1-2-3", "'2-3' is not the end of an address range starting at 10.0.0.1")]
    [InlineData("2001:db8::1-10000", "'10000' is not the end of an address range starting at 2001:db8::1")]
    [InlineData("2001:db8::1-1:ff", "'1:ff' is not the end of an address range starting at 2001:db8::1")]
    [InlineData("2001:db8::1-0xff", "'0xff' is not the end of an address range starting at 2001:db8::1")]
    [InlineData("10.1-5", "'10.1' is not an IP address")]
    [InlineData("10.1", "'10.1' is not an IP address")]
    [InlineData("", "'' is not an IP address")]
    [InlineData("-10", "'-10' is not an IP address")]
    [InlineData("web", "'web' is not an IP address")]
    [InlineData("192.168.200.01-10", "'192.168.200.01' is not an IP address")]
    [InlineData("10.0.0.1-010.0.0.9", "'010.0.0.9' is not the end of an address range starting at 10.0.0.1")]
    [InlineData("0x0a.0.0.0/24", "'0x0a.0.0.0' is not an IP address")]
    [InlineData("[2001:db8::1]:80", "'[2001:db8::1]:80' is not an IP address")]
    [InlineData("10.0.0.0/33", "prefix length '33' is not a number in 0-32")]
    [InlineData("2001:db8::/129", "prefix length '129' is not a number in 0-128")]
    [InlineData("10.0.0.0/-1", "prefix length '-1' is not a number in 0-32")]
    [InlineData("10.0.0.0/", "prefix length '' is not a number in 0-32")]
    [InlineData("10.0.0.0/24/1", "prefix length '24/1' is not a number in 0-32")]
    [InlineData("10.0.0.0/99999999999", "prefix length '99999999999' is not a number in 0-32")]
    [InlineData("10.1/16", "'10.1' is not an IP address")]
    [InlineData("10.0.0.1-5/24", "'10.0.0.1-5' is not an IP address")]
    [InlineData("/24", "'/24' is not an IP address")]
    public void TryParse_Invalid_FailsWithMessage(string text, string expected)
    {
        Assert.False(AddressRange.TryParse(text, out var range, out var error));

        Assert.Null(range);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("192.168.200.1", true)]
    [InlineData("192.168.200.5", true)]
    [InlineData("192.168.200.10", true)]
    [InlineData("192.168.200.0", false)]
    [InlineData("192.168.200.11", false)]
    [InlineData("192.168.201.5", false)]
    [InlineData("::ffff:192.168.200.5", true)]
    [InlineData("::ffff:192.168.200.11", false)]
    [InlineData("2001:db8::5", false)]
    [InlineData("::c0a8:c805", false)]
    public void Contains_Ipv4Range_AnswersByValue(string address, bool expected)
    {
        Assert.True(AddressRange.TryParse("192.168.200.1-10", out var range, out _));

        Assert.Equal(expected, range.Contains(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("2001:db8::", true)]
    [InlineData("2001:db8::3", true)]
    [InlineData("2001:db8::4", false)]
    [InlineData("0.0.0.3", false)]
    public void Contains_Ipv6Range_AnswersByValue(string address, bool expected)
    {
        Assert.True(AddressRange.TryParse("2001:db8::/126", out var range, out _));

        Assert.Equal(expected, range.Contains(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("::ffff:255.255.255.255", true)]
    [InlineData("::1:0:0:0", false)]
    [InlineData("10.0.0.1", false)]
    public void Contains_Ipv6RangeOverTheMappedBlock_HoldsMappedAddresses(string address, bool expected)
    {
        Assert.True(AddressRange.TryParse("::/80", out var range, out _));

        Assert.Equal(expected, range.Contains(IPAddress.Parse(address)));
        Assert.True(range.Contains(range.Last));
    }

    [Fact]
    public void Contains_Null_Throws()
    {
        Assert.True(AddressRange.TryParse("10.0.0.1", out var range, out _));

        Assert.Throws<ArgumentNullException>(() => range.Contains(null!));
    }

    [Fact]
    public void Addresses_CrossingAnOctet_AreInOrder()
    {
        Assert.True(AddressRange.TryParse("192.168.200.254-192.168.201.1", out var range, out _));

        Assert.Equal(
            ["192.168.200.254", "192.168.200.255", "192.168.201.0", "192.168.201.1"],
            range.Addresses().Select(a => a.ToString()));
    }

    [Fact]
    public void Addresses_Ipv6ShortForm_AreHexadecimalInOrder()
    {
        Assert.True(AddressRange.TryParse("2001:db8::8-b", out var range, out _));

        Assert.Equal(["2001:db8::8", "2001:db8::9", "2001:db8::a", "2001:db8::b"], range.Addresses().Select(a => a.ToString()));
        Assert.All(range.Addresses(), a => Assert.Equal(AddressFamily.InterNetworkV6, a.AddressFamily));
    }

    [Fact]
    public void Addresses_Count_MatchesCount()
    {
        Assert.True(AddressRange.TryParse("10.0.0.0/27", out var range, out _));

        Assert.Equal(range.Count, new BigInteger(range.Addresses().Count()));
    }

    [Fact]
    public void Addresses_SingleAddress_IsThatAddress()
    {
        Assert.True(AddressRange.TryParse("10.0.0.1", out var range, out _));

        Assert.Equal([IPAddress.Parse("10.0.0.1")], range.Addresses());
    }

    [Fact]
    public void Addresses_WholeIpv6Space_IsLazy()
    {
        Assert.True(AddressRange.TryParse("::/0", out var range, out _));

        Assert.Equal(["::", "::1", "::2"], range.Addresses().Take(3).Select(a => a.ToString()));
    }

    [Fact]
    public void Addresses_TopOfTheIpv4Space_EndsAtBroadcast()
    {
        Assert.True(AddressRange.TryParse("255.255.255.254-255", out var range, out _));

        Assert.Equal(["255.255.255.254", "255.255.255.255"], range.Addresses().Select(a => a.ToString()));
    }

    [Theory]
    [InlineData("192.168.200.1-10", "192.168.200.1-192.168.200.10")]
    [InlineData("192.168.202.8/29", "192.168.202.8-192.168.202.15")]
    [InlineData("10.0.0.7", "10.0.0.7")]
    [InlineData("10.0.0.7/32", "10.0.0.7")]
    [InlineData("2001:db8::1-ff", "2001:db8::1-2001:db8::ff")]
    public void ToString_IsFullFormParsingBack(string text, string expected)
    {
        Assert.True(AddressRange.TryParse(text, out var range, out _));

        Assert.Equal(expected, range.ToString());
        Assert.True(AddressRange.TryParse(range.ToString(), out var again, out _));
        Assert.Equal(range, again);
    }

    [Fact]
    public void Equals_SpellingsOfOneRange_AreEqual()
    {
        Assert.True(AddressRange.TryParse("192.168.202.8/29", out var cidr, out _));
        Assert.True(AddressRange.TryParse("192.168.202.8-15", out var shorthand, out _));

        Assert.Equal(cidr, shorthand);
        Assert.Equal(cidr.GetHashCode(), shorthand.GetHashCode());
    }
}
