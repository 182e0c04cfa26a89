using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Plugins.Checkers.Http;

namespace Vigil.Checkers.Tests.Http;

public sealed class BodyRegexMatcherTests
{
    private static BodyRegex Regex(string pattern, long min = 0, long? max = null, RegexOptions options = RegexOptions.None)
    {
        Assert.True(BodyRegex.TryCompile(pattern, options, out var regex, out var error), error);
        return new BodyRegex(regex!, false, min, max);
    }

    private static bool Match(BodyRegex regex, string body, int piece = 1000)
    {
        var matcher = new BodyRegexMatcher(regex, new char[BodyRegexMatcher.WindowChars]);
        var bytes = Encoding.Latin1.GetBytes(body);
        for (var at = 0; at < bytes.Length; at += piece)
        {
            matcher.Append(bytes.AsSpan(at, Math.Min(piece, bytes.Length - at)));
        }

        return matcher.Finish();
    }

    [Fact]
    public void AMatchAcrossAWindowCut_IsFound()
    {
        var body = new string('x', BodyRegexMatcher.WindowChars - 3) + "status=ok" + new string('y', 20000);
        Assert.True(Match(Regex("status=ok"), body));
    }

    [Fact]
    public void Anchors_MatchOnlyAtTheBodysStartAndEnd_NotAtACut()
    {
        var body = new string('x', 3 * BodyRegexMatcher.WindowChars) + "end";
        Assert.False(Match(Regex("^x{10}end"), body));
        Assert.False(Match(Regex("x$"), body));
        Assert.True(Match(Regex("end$"), body));
        Assert.True(Match(Regex("^xxx"), body));
        Assert.True(Match(Regex("^ok", options: RegexOptions.Multiline), new string('x', 10000) + "\nok"));
    }

    [Fact]
    public void Offsets_BoundWhereAMatchMayStart()
    {
        var body = "aaaa OK bbbb OK";
        Assert.True(Match(Regex("OK", min: 5, max: 5), body));
        Assert.False(Match(Regex("OK", min: 6, max: 12), body));
        Assert.True(Match(Regex("OK", min: 6, max: 13), body));
        Assert.False(Match(Regex("OK", max: 4), body));
        Assert.True(Match(Regex("OK", min: 20000), new string('-', 30000) + "OK"));
    }

    [Fact]
    public void ACatastrophicPattern_RunsInLinearTime()
    {
        var regex = Regex("(a+)+$");
        Assert.True(regex.Pattern.Options.HasFlag(RegexOptions.NonBacktracking));
        var watch = Stopwatch.StartNew();
        Assert.False(Match(regex, new string('a', 50000) + "!"));
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void APatternNeedingBacktracking_RunsUnderATimeout()
    {
        var regex = Regex("(?=(a+)+b)a");
        Assert.False(regex.Pattern.Options.HasFlag(RegexOptions.NonBacktracking));
        Assert.Equal(BodyRegex.MatchTimeout, regex.Pattern.MatchTimeout);
        Assert.Throws<RegexMatchTimeoutException>(() => Match(regex, new string('a', 5000)));
    }

    [Theory]
    [InlineData("caseless multiline", true, "")]
    [InlineData("ungreedy", false, "regex option 'ungreedy' is not supported (supported: caseless dotall dupnames extended multiline never_ucp never_utf no_auto_capture no_auto_possess no_dotstar_anchor no_start_optimize)")]
    [InlineData("sideways", false, "unknown regex option 'sideways'")]
    public void Options_AreKeepalivedsNames(string words, bool ok, string error)
    {
        Assert.Equal(ok, BodyRegex.TryParseOptions(words.Split(' '), out var options, out var message));
        Assert.Equal(error, message);
        if (ok)
        {
            Assert.Equal(RegexOptions.IgnoreCase | RegexOptions.Multiline, options);
        }
    }

    /// <summary>For literal needles up to the longest guaranteed match, streaming in any pieces agrees with searching the whole body.</summary>
    [Property(MaxTest = 200)]
    public Property StreamedSearch_AgreesWithTheWholeBody(int seed, PositiveInt piece, NonNegativeInt min, int span)
    {
        var random = new Random(seed);
        var body = new string([.. Enumerable.Range(0, random.Next(0, 30000)).Select(_ => "ab\n"[random.Next(3)])]);
        var needle = new string([.. Enumerable.Range(0, random.Next(1, random.Next(2) == 0 ? 8 : 1000)).Select(_ => "ab\n"[random.Next(2)])]);
        if (random.Next(3) == 0 && body.Length > needle.Length)
        {
            var at = random.Next(body.Length - needle.Length);
            body = body[..at] + needle + body[(at + needle.Length)..];
        }

        long low = min.Get % (body.Length + 2);
        long? high = span < 0 ? null : low + (span % 20000);
        var first = low > body.Length ? -1 : body.IndexOf(needle, (int)low, StringComparison.Ordinal);
        var expected = first >= 0 && (high is null || first <= high);
        var actual = Match(Regex(System.Text.RegularExpressions.Regex.Escape(needle), low, high), body, Math.Min(piece.Get, 20000));
        return (actual == expected).Label($"needle {needle.Length}, body {body.Length}, first {first}, [{low}, {high}]");
    }
}
