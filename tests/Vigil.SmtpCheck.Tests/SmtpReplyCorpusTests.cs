using Vigil.Plugins.SmtpCheck;

namespace Vigil.SmtpCheck.Tests;

/// <summary>
/// Fuzzes the reply parser with the committed corpus (<c>Corpus/</c>, what servers send, copied to the output): fed whole
/// or in any small pieces, a file gives the same replies and the same error, and never throws.
/// </summary>
public sealed class SmtpReplyCorpusTests
{
    public static TheoryData<string> Files() => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFile_AnyPieces_GiveWhatTheWholeGives(string file)
    {
        var bytes = Read(file);
        var whole = SmtpReplyParserTests.Parse(bytes, [bytes.Length]);

        for (var size = 1; size <= 7; size++)
        {
            var pieces = SmtpReplyParserTests.Parse(bytes, [size, size + 3, 1]);
            Assert.Equal(whole.Replies, pieces.Replies);
            Assert.Equal(whole.Error, pieces.Error);
        }
    }

    [Fact]
    public void CorpusSeeds_ParseAsTheyName()
    {
        Assert.Equal([220, 250, 221], Parse("opensmtpd_dialogue.txt").Replies.Select(r => r.Code));
        Assert.Equal([new SmtpReply(220, "220 ready")], Parse("greeting_multiline.txt").Replies);
        Assert.Equal([554], Parse("greeting_554.txt").Replies.Select(r => r.Code));
        Assert.Equal([220, 250], Parse("bare_lf.txt").Replies.Select(r => r.Code));
        Assert.Equal("220 nul?inside", Parse("hostile_nul.txt").Replies.Single().Text);
        Assert.Equal((0, null), (Parse("hostile_no_line_end.txt").Replies.Count, Parse("hostile_no_line_end.txt").Error));
    }

    [Theory]
    [InlineData("hostile_long_line.txt", "a reply line longer than 512 bytes")]
    [InlineData("hostile_digits_only.txt", "a reply line longer than 512 bytes")]
    [InlineData("hostile_many_lines.txt", "a reply of more than 64 lines")]
    [InlineData("hostile_code_switch.txt", "reply 250 continued by a line of reply 220: '220 switched code'")]
    [InlineData("hostile_crlf_storm.txt", "not an SMTP reply: ''")]
    [InlineData("hostile_binary.bin", "not an SMTP reply: '??????????'")]
    public void CorpusHostileSeeds_AreRefused(string file, string error)
    {
        var (replies, actual) = Parse(file);

        Assert.Empty(replies);
        Assert.Equal(error, actual);
    }

    private static (List<SmtpReply> Replies, string? Error) Parse(string file)
    {
        var bytes = Read(file);
        return SmtpReplyParserTests.Parse(bytes, [bytes.Length]);
    }

    private static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", file));
}
