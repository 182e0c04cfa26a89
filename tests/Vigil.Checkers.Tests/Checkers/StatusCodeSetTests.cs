using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Plugins.Checkers.Checkers;

namespace Vigil.Checkers.Tests.Checkers;

public sealed class StatusCodeSetTests
{
    [Fact]
    public void DefaultIsAny2xx()
    {
        Assert.True(StatusCodeSet.Default.Contains(200));
        Assert.True(StatusCodeSet.Default.Contains(299));
        Assert.False(StatusCodeSet.Default.Contains(300));
        Assert.False(StatusCodeSet.Default.Contains(199));
    }

    [Fact]
    public void ReadsCodesAndRanges()
    {
        Assert.True(StatusCodeSet.TryParse("200 204,300-399", out var set, out _));
        Assert.Equal("200 204 300-399", set.ToString());
        Assert.True(set.Contains(204));
        Assert.True(set.Contains(302));
        Assert.False(set.Contains(201));
    }

    [Theory]
    [InlineData("", "needs at least one status code")]
    [InlineData("abc", "'abc' is not a status code 100-599 or a range of them")]
    [InlineData("600", "'600' is not a status code 100-599 or a range of them")]
    [InlineData("300-200", "range '300-200' runs backwards")]
    [InlineData("200-", "'200-' is not a status code 100-599 or a range of them")]
    public void RefusesMalformedLists(string text, string error)
    {
        Assert.False(StatusCodeSet.TryParse(text, out _, out var message));
        Assert.Equal(error, message);
    }

    [Property]
    public Property RangeContainsExactlyItsCodes(int a, int b, int probe)
    {
        var low = 100 + Math.Abs(a % 500);
        var high = low + Math.Abs(b % (600 - low));
        var code = 100 + Math.Abs(probe % 500);
        StatusCodeSet.TryParse($"{low}-{high}", out var set, out _);
        return (set.Contains(code) == (code >= low && code <= high)).ToProperty();
    }
}
