using System.Globalization;
using System.Text;
using FsCheck.Xunit;
using Vigil.Linux.Tracking;

namespace Vigil.Linux.Tests.Tracking;

public sealed class TrackFileValueTests
{
    [Theory]
    [InlineData("", 0L)]
    [InlineData("abc", 0L)]
    [InlineData(" -7\n", -7L)]
    [InlineData("+12", 12L)]
    [InlineData("12abc", 12L)]
    [InlineData("\t\n 5 6", 5L)]
    [InlineData("0x1f", 31L)]
    [InlineData("0X1F", 31L)]
    [InlineData("0x", 0L)]
    [InlineData("0xg", 0L)]
    [InlineData("010", 8L)]
    [InlineData("09", 0L)]
    [InlineData("-2147483648", -2147483648L)]
    [InlineData("2147483648", 2147483648L)]
    public void ParsesAsStrtolWithBaseZero(string text, long expected)
    {
        Assert.True(TrackFileValue.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("2147483649")]
    [InlineData("-2147483649")]
    [InlineData("99999999999999999999999999")]
    public void OutOfRangeIsNoReading(string text) => Assert.False(TrackFileValue.TryParse(Encoding.ASCII.GetBytes(text), out _));

    [Fact]
    public void OnlyTheFirst127BytesCount()
    {
        var text = new string(' ', 126) + "12";
        Assert.True(TrackFileValue.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(1, value);
    }

    [Property]
    public bool DecimalIntegersReadBack(int number, byte spaces) =>
        TrackFileValue.TryParse(Encoding.ASCII.GetBytes(new string(' ', spaces % 8) + number.ToString(CultureInfo.InvariantCulture) + "\n"), out var value)
        && value == number;

    [Property]
    public bool AnyBytesParseWithoutThrowing(byte[] content)
    {
        _ = TrackFileValue.TryParse(content ?? [], out _);
        return true;
    }
}
