using Vigil.Plugins.Checkers.Checkers.Udp;

namespace Vigil.Checkers.Tests.Checkers.Udp;

public sealed class HexPatternTests
{
    [Theory]
    [InlineData("0102ff", "0102FF")]
    [InlineData("01 02\tFF", "0102FF")]
    [InlineData("a b", "0A0B")]
    [InlineData("abc", "AB0C")]
    public void ParsesAsKeepalivedReadsHex(string text, string hex) =>
        Assert.Equal(Convert.FromHexString(hex), HexPattern.Parse(text, wildcards: false)!.Data);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("0g")]
    [InlineData("xx")]
    public void RefusesWhatIsNotHex(string text) => Assert.Null(HexPattern.Parse(text, wildcards: false));

    [Fact]
    public void WildcardNibblesMatchAnything_OnlyTheShorterLengthIsCompared()
    {
        var pattern = HexPattern.Parse("4x 0X ff", wildcards: true)!;

        Assert.Equal(new byte[] { 0x0f, 0x0f, 0 }, pattern.Mask);
        Assert.True(pattern.Matches([0x41, 0x0a, 0xff, 0x99]));
        Assert.True(pattern.Matches([0x4f]));
        Assert.False(pattern.Matches([0x51, 0x00, 0xff]));
        Assert.False(pattern.Matches([0x41, 0x10, 0xff]));
    }
}
