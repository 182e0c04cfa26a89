using Vigil.Abstractions.Checks;

namespace Vigil.Abstractions.Tests.Checks;

public class CheckerKeywordsTests
{
    private static readonly string[] Timing = ["alpha", "connect_timeout", "retry", "nb_get_retry", "delay_before_retry", "warmup", "delay_loop", "log_all_failures"];

    private static readonly string[] Connection = ["connect_ip", "connect_port", "bindto", "bind_if", "bind_port", "fwmark"];

    [Fact]
    public void Timing_IsKeepalivedsTimingKeywords()
    {
        Assert.Equal(Timing.Order(StringComparer.Ordinal), CheckerKeywords.Timing.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Connection_IsKeepalivedsConnectionKeywords()
    {
        Assert.Equal(Connection.Order(StringComparer.Ordinal), CheckerKeywords.Connection.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Inheritable_IsTheTimingKeywordsButLogAllFailures()
    {
        Assert.Equal(Timing.Where(k => k != "log_all_failures").Order(StringComparer.Ordinal), CheckerKeywords.Inheritable.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sets_CompareIgnoringCase()
    {
        Assert.Contains("DELAY_LOOP", CheckerKeywords.Timing);
        Assert.Contains("Connect_IP", CheckerKeywords.Connection);
        Assert.Contains("Warmup", CheckerKeywords.Inheritable);
    }

    [Fact]
    public void For_All_IsOwnTimingAndConnection()
    {
        var all = CheckerKeywords.For(new CheckerSchema(["url", "helo_name"]));

        string[] expected = ["url", "helo_name", .. Timing, .. Connection];

        Assert.Equal(expected.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void For_None_IsOnlyTheCheckersOwn()
    {
        Assert.Equal(["file", "weight"], CheckerKeywords.For(new CheckerSchema(["weight", "file"], StandardCheckerOptions.None)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void For_Timing_HasNoConnectionKeywords()
    {
        var keywords = CheckerKeywords.For(new CheckerSchema(["misc_path"], StandardCheckerOptions.Timing));

        Assert.Contains("misc_path", keywords);
        Assert.Contains("delay_loop", keywords);
        Assert.DoesNotContain("connect_ip", keywords);
        Assert.Equal(1 + Timing.Length, keywords.Count);
    }

    [Fact]
    public void For_Connection_HasNoTimingKeywords()
    {
        var keywords = CheckerKeywords.For(new CheckerSchema([], StandardCheckerOptions.Connection));

        Assert.Contains("bindto", keywords);
        Assert.DoesNotContain("retry", keywords);
        Assert.Equal(Connection.Length, keywords.Count);
    }

    [Fact]
    public void For_OwnKeywords_CompareIgnoringCase()
    {
        var keywords = CheckerKeywords.For(new CheckerSchema(["helo_name"], StandardCheckerOptions.None));

        Assert.Contains("HELO_NAME", keywords);
    }

    [Fact]
    public void For_OwnKeywordAlsoStandard_IsListedOnce()
    {
        Assert.Equal(Timing.Length + Connection.Length, CheckerKeywords.For(new CheckerSchema(["retry", "RETRY"])).Count);
    }

    [Fact]
    public void For_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CheckerKeywords.For(null!));
    }
}
