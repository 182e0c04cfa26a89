using Vigil.Host.Configuration.Keepalived;

namespace Vigil.Host.Tests.Configuration;

public sealed class IncludeGlobTests : IDisposable
{
    private readonly TempConfig _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("a", "a")]
    [InlineData("{a,b}", "a|b")]
    [InlineData("x{a,b{c,d}}y", "xay|xbcy|xbdy")]
    [InlineData("{a}", "{a}")]
    [InlineData("{,s}.conf", ".conf|s.conf")]
    public void ExpandBraces_CshStyle(string pattern, string expected) =>
        Assert.Equal(expected.Split('|'), IncludeGlob.ExpandBraces(pattern));

    [Fact]
    public void Expand_WildcardsInDirectoriesAndNames_MatchSortedFilesOnly()
    {
        _temp.Write("d1/b.conf", "");
        _temp.Write("d1/a.conf", "");
        _temp.Write("d2/c.conf", "");
        _temp.Write("d2/c.txt", "");
        Directory.CreateDirectory(Path.Combine(_temp.Dir, "d3/sub.conf"));

        var files = IncludeGlob.Expand("d?/[a-c].conf", _temp.Dir).Select(_temp.Relative);

        Assert.Equal(["d1/a.conf", "d1/b.conf", "d2/c.conf"], files);
    }

    [Fact]
    public void Expand_LiteralPath_IsReturnedEvenWhenMissing() =>
        Assert.Equal(["missing.conf"], IncludeGlob.Expand("missing.conf", _temp.Dir).Select(_temp.Relative));

    [Fact]
    public void Expand_WildcardWithoutMatch_IsEmpty() =>
        Assert.Empty(IncludeGlob.Expand("*.none", _temp.Dir));
}
