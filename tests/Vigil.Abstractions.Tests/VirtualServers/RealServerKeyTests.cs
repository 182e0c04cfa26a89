using System.Net;
using System.Net.Sockets;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Tests.VirtualServers;

public class RealServerKeyTests
{
    [Theory]
    [InlineData("10.0.0.1 8080")]
    [InlineData("10.0.0.1    8080")]
    [InlineData("\t10.0.0.1\t8080 ")]
    [InlineData("10.0.0.1:8080")]
    [InlineData("::ffff:10.0.0.1 8080")]
    [InlineData("[::ffff:10.0.0.1]:8080")]
    public void TryParse_SpellingsOfOneServer_GiveTheSameKey(string text)
    {
        Assert.True(RealServerKey.TryParse(text, 80, out var key, out var error), error);

        Assert.Equal(new RealServerKey(IPAddress.Parse("10.0.0.1"), 8080), key);
        Assert.Equal("10.0.0.1:8080", key.ToString());
        Assert.Equal("", error);
    }

    [Theory]
    [InlineData("2001:db8::1 80")]
    [InlineData("2001:db8:0:0::1 80")]
    [InlineData("[2001:db8::1]:80")]
    [InlineData("[2001:DB8::0001] 80")]
    public void TryParse_Ipv6Spellings_AreNormalised(string text)
    {
        Assert.True(RealServerKey.TryParse(text, 0, out var key, out var error), error);

        Assert.Equal(IPAddress.Parse("2001:db8::1"), key.Address);
        Assert.Equal("[2001:db8::1]:80", key.ToString());
    }

    [Fact]
    public void TryParse_NoPort_TakesTheDefaultPort()
    {
        Assert.True(RealServerKey.TryParse("10.0.0.1", 80, out var key, out _));

        Assert.Equal(80, key.Port);
        Assert.Equal("10.0.0.1:80", key.ToString());
    }

    [Fact]
    public void TryParse_BareIpv6NoPort_TakesTheDefaultPort()
    {
        Assert.True(RealServerKey.TryParse("2001:db8::1", 443, out var key, out _));

        Assert.Equal("[2001:db8::1]:443", key.ToString());
    }

    [Fact]
    public void TryParse_WrittenPort_WinsOverTheDefault()
    {
        Assert.True(RealServerKey.TryParse("10.0.0.1 81", 80, out var key, out _));

        Assert.Equal(81, key.Port);
    }

    [Fact]
    public void TryParse_PortZero_TakesTheDefaultPort()
    {
        Assert.True(RealServerKey.TryParse("10.0.0.1 0", 80, out var key, out _));

        Assert.Equal(80, key.Port);
    }

    [Fact]
    public void TryParse_MappedAddress_IsStoredAsIpv4()
    {
        Assert.True(RealServerKey.TryParse("::ffff:192.0.2.1 80", 0, out var key, out _));

        Assert.Equal(AddressFamily.InterNetwork, key.Address.AddressFamily);
    }

    [Theory]
    [InlineData(null, "an address is missing")]
    [InlineData("", "an address is missing")]
    [InlineData("  ", "an address is missing")]
    [InlineData("server1 80", "'server1' is not an IP address")]
    [InlineData("10.1 80", "'10.1' is not an IP address")]
    [InlineData("010.000.000.001 80", "'010.000.000.001' is not an IP address")]
    [InlineData("[2001:db8::1]:80 8080", "'[2001:db8::1]:80' is not an IP address")]
    [InlineData("10.0.0.1 65536", "port '65536' is not a number in 0-65535")]
    [InlineData("10.0.0.1:x", "port 'x' is not a number in 0-65535")]
    [InlineData("[2001:db8::1]:", "port '' is not a number in 0-65535")]
    [InlineData("10.0.0.1 80 90", "'10.0.0.1 80 90' is not an address and a port")]
    [InlineData("[2001:db8::1", "'[2001:db8::1' is not an IP address")]
    public void TryParse_Invalid_FailsWithMessage(string? text, string expected)
    {
        Assert.False(RealServerKey.TryParse(text, 80, out var key, out var error));

        Assert.Null(key);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Parse_NoPort_HasPortZero()
    {
        Assert.Equal(0, RealServerKey.Parse("10.0.0.1").Port);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatExceptionWithTheMessage()
    {
        var e = Assert.Throws<FormatException>(() => RealServerKey.Parse("10.0.0.1 99999"));

        Assert.Equal("port '99999' is not a number in 0-65535", e.Message);
    }

    [Fact]
    public void Parse_ToString_RoundTrips()
    {
        var key = new RealServerKey(IPAddress.Parse("2001:db8::7"), 8443);

        Assert.Equal(key, RealServerKey.Parse(key.ToString()));
    }

    [Fact]
    public void Constructor_MappedAddress_IsStoredAsIpv4()
    {
        var key = new RealServerKey(IPAddress.Parse("::ffff:10.0.0.9"), 80);

        Assert.Equal(IPAddress.Parse("10.0.0.9"), key.Address);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Constructor_PortOutOfRange_Throws(int port)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealServerKey(IPAddress.Loopback, port));
    }

    [Fact]
    public void Constructor_NullAddress_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new RealServerKey(null!, 80));
    }

    [Fact]
    public void Equals_DifferentPorts_AreDifferent()
    {
        Assert.NotEqual(RealServerKey.Parse("10.0.0.1 80"), RealServerKey.Parse("10.0.0.1 81"));
    }

    [Fact]
    public void Equals_MappedAndPlainSpelling_AreEqualWithEqualHashes()
    {
        var mapped = RealServerKey.Parse("::ffff:10.0.0.1 80");
        var plain = RealServerKey.Parse("10.0.0.1:80");

        Assert.Equal(plain, mapped);
        Assert.Equal(plain.GetHashCode(), mapped.GetHashCode());
    }
}
