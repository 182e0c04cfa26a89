using System.Net;
using System.Net.Sockets;
using Vigil.Abstractions.Configuration;

namespace Vigil.Abstractions.Tests.Configuration;

public class ConfigValueParserTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData("yes")]
    [InlineData("Yes")]
    [InlineData("on")]
    [InlineData("ON")]
    [InlineData("1")]
    [InlineData(" yes ")]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParseFlag_TrueSpelling_IsTrue(string text)
    {
        Assert.True(ConfigValueParser.TryParseFlag(text, out var value));

        Assert.True(value);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("no")]
    [InlineData("NO")]
    [InlineData("off")]
    [InlineData("Off")]
    [InlineData("0")]
    [InlineData("\tno\t")]
    public void TryParseFlag_FalseSpelling_IsFalse(string text)
    {
        Assert.True(ConfigValueParser.TryParseFlag(text, out var value));

        Assert.False(value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("-1")]
    [InlineData("y")]
    [InlineData("n")]
    [InlineData("yess")]
    [InlineData("yes no")]
    [InlineData("enabled")]
    public void TryParseFlag_Other_IsNotAFlag(string? text)
    {
        Assert.False(ConfigValueParser.TryParseFlag(text, out var value));

        Assert.False(value);
    }

    [Theory]
    [InlineData("5", 5_000)]
    [InlineData("0", 0)]
    [InlineData("0.5", 500)]
    [InlineData(".5", 500)]
    [InlineData("5.", 5_000)]
    [InlineData("1.25", 1_250)]
    [InlineData("500ms", 500)]
    [InlineData("0.5ms", 0.5)]
    [InlineData("5s", 5_000)]
    [InlineData("0.5s", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("1.5m", 90_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("5S", 5_000)]
    [InlineData("500MS", 500)]
    [InlineData("2M", 120_000)]
    [InlineData(" 2m ", 120_000)]
    public void TryParseDuration_Form_IsTheDuration(string text, double milliseconds)
    {
        Assert.True(ConfigValueParser.TryParseDuration(text, out var value));

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("31622400")]
    [InlineData("527040m")]
    [InlineData("8784h")]
    public void TryParseDuration_UpTo366Days_IsAccepted(string text)
    {
        Assert.True(ConfigValueParser.TryParseDuration(text, out var value));

        Assert.Equal(TimeSpan.FromDays(366), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-1")]
    [InlineData("-1s")]
    [InlineData("-0.5")]
    [InlineData("+5")]
    [InlineData("31622401")]
    [InlineData("527041m")]
    [InlineData("8785h")]
    [InlineData("99999999999999999999999999h")]
    [InlineData("1e3")]
    [InlineData("5 s")]
    [InlineData("5sec")]
    [InlineData("5d")]
    [InlineData("ms")]
    [InlineData("s")]
    [InlineData("five")]
    [InlineData("1,5")]
    [InlineData("nan")]
    [InlineData("NaN")]
    [InlineData("NaNms")]
    [InlineData("nanh")]
    [InlineData("infinity")]
    [InlineData("Infinity")]
    [InlineData("∞")]
    public void TryParseDuration_Other_IsNotADuration(string? text)
    {
        Assert.False(ConfigValueParser.TryParseDuration(text, out var value));

        Assert.Equal(TimeSpan.Zero, value);
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("-42", -42)]
    [InlineData("+42", 42)]
    [InlineData(" 7 ", 7)]
    [InlineData("0", 0)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void TryParseInteger_WholeNumber_Parses(string text, long expected)
    {
        Assert.True(ConfigValueParser.TryParseInteger(text, out var value));

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9223372036854775808")]
    [InlineData("1.5")]
    [InlineData("1,000")]
    [InlineData("1e3")]
    [InlineData("0x10")]
    [InlineData("1 2")]
    [InlineData("ten")]
    public void TryParseInteger_Other_IsFalse(string? text)
    {
        Assert.False(ConfigValueParser.TryParseInteger(text, out _));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("10", 10)]
    [InlineData(" 5 ", 5)]
    public void TryParseCount_InRange_Parses(string text, int expected)
    {
        Assert.True(ConfigValueParser.TryParseCount(text, 1, 10, out var value));

        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1.0")]
    [InlineData("99999999999")]
    public void TryParseCount_OutOfRangeOrSigned_IsFalse(string? text)
    {
        Assert.False(ConfigValueParser.TryParseCount(text, 1, 10, out _));
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData(" 10.0.0.1 ", "10.0.0.1")]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("2001:DB8:0::1", "2001:db8::1")]
    [InlineData("[2001:db8::1]", "2001:db8::1")]
    [InlineData("::", "::")]
    [InlineData("::ffff:10.0.0.1", "10.0.0.1")]
    public void TryParseAddress_FullForm_Parses(string text, string expected)
    {
        Assert.True(ConfigValueParser.TryParseAddress(text, out var address));

        Assert.Equal(IPAddress.Parse(expected), address);
    }

    [Fact]
    public void TryParseAddress_MappedIpv6_IsIpv4()
    {
        Assert.True(ConfigValueParser.TryParseAddress("::ffff:192.0.2.1", out var address));

        Assert.Equal(AddressFamily.InterNetwork, address.AddressFamily);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("10.1")]
    [InlineData("10.0.1")]
    [InlineData("10.0.0.256")]
    [InlineData("010.0.0.1")]
    [InlineData("10.0.0.01")]
    [InlineData("0x0a.0.0.1")]
    [InlineData("4294967295")]
    [InlineData("[::1]:80")]
    [InlineData("10.0.0.1:80")]
    [InlineData("10.0.0.1/24")]
    [InlineData("host.example")]
    [InlineData("10.0.0.1 10.0.0.2")]
    public void TryParseAddress_ShorthandOrOther_IsRefused(string? text)
    {
        Assert.False(ConfigValueParser.TryParseAddress(text, out var address));

        Assert.Equal(IPAddress.None, address);
    }

    [Theory]
    [InlineData("a  b\tc", new[] { "a", "b", "c" })]
    [InlineData("  one ", new[] { "one" })]
    [InlineData("", new string[0])]
    [InlineData(" \t ", new string[0])]
    [InlineData(null, new string[0])]
    public void Words_SplitsOnSpacesAndTabs(string? text, string[] expected)
    {
        Assert.Equal(expected, ConfigValueParser.Words(text));
    }
}
