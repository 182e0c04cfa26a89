using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Vigil.Plugins.SmtpCheck;
using Vigil.SmtpCheck.Tests.Support;

namespace Vigil.SmtpCheck.Tests;

public sealed class SmtpReplyParserTests
{
    [Theory]
    [InlineData("220 mail.example ESMTP OpenSMTPD\r\n", 220, "220 mail.example ESMTP OpenSMTPD")]
    [InlineData("250 ok\n", 250, "250 ok")]
    [InlineData("220\r\n", 220, "220")]
    [InlineData("554 5.7.1 no service\r\n", 554, "554 5.7.1 no service")]
    [InlineData("250-mail.example\r\n250-PIPELINING\r\n250 8BITMIME\r\n", 250, "250 8BITMIME")]
    public void Push_OneReply_GivesItsCodeAndLastLine(string input, int code, string text)
    {
        var (replies, error) = Parse(input);

        Assert.Null(error);
        Assert.Equal([new SmtpReply(code, text)], replies);
    }

    [Fact]
    public void Push_WithoutLineEnd_GivesNothingYet()
    {
        var (replies, error) = Parse("220 mail.example");

        Assert.Null(error);
        Assert.Empty(replies);
    }

    [Fact]
    public void Push_TwoReplies_GivesBothInOrder()
    {
        var (replies, _) = Parse("220 hi\r\n250 hello\r\n");

        Assert.Equal([220, 250], replies.Select(r => r.Code));
    }

    [Theory]
    [InlineData("hello\r\n", "not an SMTP reply: 'hello'")]
    [InlineData("2200 x\r\n", "not an SMTP reply: '2200 x'")]
    [InlineData("22 x\r\n", "not an SMTP reply: '22 x'")]
    [InlineData("620 x\r\n", "not an SMTP reply: '620 x'")]
    [InlineData("160 x\r\n", "not an SMTP reply: '160 x'")]
    [InlineData("260 x\r\n", "not an SMTP reply: '260 x'")]
    [InlineData("2a0 x\r\n", "not an SMTP reply: '2a0 x'")]
    [InlineData("\r\n", "not an SMTP reply: ''")]
    [InlineData("220\tx\r\n", "not an SMTP reply: '220?x'")]
    [InlineData("250-a\r\n220 b\r\n", "reply 250 continued by a line of reply 220: '220 b'")]
    public void Push_Malformed_StopsNamingTheLine(string input, string expected)
    {
        var (replies, error) = Parse(input);

        Assert.Empty(replies);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Push_LineOfMaxLength_IsRead_OneMoreByteIsRefused()
    {
        var fits = "220 " + new string('x', SmtpReplyParser.MaxLineLength - 6) + "\r\n";
        var overflows = "220 " + new string('x', SmtpReplyParser.MaxLineLength - 5) + "\r\n";

        Assert.Single(Parse(fits).Replies);
        Assert.Equal("a reply line longer than 512 bytes", Parse(overflows).Error);
    }

    [Fact]
    public void Push_EndlessLine_StopsAtTheLimit()
    {
        var parser = new SmtpReplyParser();
        var replies = new List<SmtpReply>();
        var chunk = Enumerable.Repeat((byte)'2', 100).ToArray();
        var pushed = 0;
        while (parser.Push(chunk, replies))
        {
            pushed += chunk.Length;
        }

        Assert.InRange(pushed, 0, SmtpReplyParser.MaxLineLength);
        Assert.Empty(replies);
    }

    [Fact]
    public void Push_TooManyContinuationLines_IsRefused()
    {
        var input = string.Concat(Enumerable.Repeat("250-x\r\n", SmtpReplyParser.MaxLines)) + "250 x\r\n";

        Assert.Equal("a reply of more than 64 lines", Parse(input).Error);
    }

    [Fact]
    public void Push_AfterAnError_GivesNothingMore()
    {
        var parser = new SmtpReplyParser();
        var replies = new List<SmtpReply>();
        Assert.False(parser.Push("junk\r\n"u8, replies));

        Assert.False(parser.Push("220 ok\r\n"u8, replies));
        Assert.Empty(replies);
    }

    [Fact]
    public void Push_NonAscii_IsShownAsQuestionMarks()
    {
        Assert.Equal("220 caf??", Parse("220 café\r\n").Replies.Single().Text);
    }

    [FsCheck.Xunit.Property]
    public Property AnySplitOfTheStream_GivesTheSameReplies() =>
        Prop.ForAll(Generators.Replies().ToArbitrary(), Gen.Choose(1, 9).ListOf().ToArbitrary(), (replies, cuts) =>
        {
            var bytes = Encoding.ASCII.GetBytes(string.Concat(replies.Select(r => r.Wire)));
            var whole = Parse(bytes, [bytes.Length]);
            var pieces = Parse(bytes, cuts);
            return whole.Error is null
                && pieces.Error is null
                && whole.Replies.SequenceEqual(pieces.Replies)
                && whole.Replies.Select(r => r.Code).SequenceEqual(replies.Select(r => r.Code));
        });

    [FsCheck.Xunit.Property]
    public Property AnyBytes_NeverThrow_AndGiveRepliesOnlyBeforeAnError() =>
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), Gen.Choose(1, 9).ListOf().ToArbitrary(), (bytes, cuts) =>
        {
            var (replies, error) = Parse(bytes, cuts);
            return replies.All(r => r.Code is >= 200 and <= 559) && (error is null || error.Length > 0);
        });

    internal static (List<SmtpReply> Replies, string? Error) Parse(string input) => Parse(Encoding.UTF8.GetBytes(input), [input.Length + 1]);

    /// <summary>Feeds <paramref name="bytes"/> in pieces of the given sizes, cycling through them.</summary>
    internal static (List<SmtpReply> Replies, string? Error) Parse(byte[] bytes, IEnumerable<int> sizes)
    {
        var parser = new SmtpReplyParser();
        var replies = new List<SmtpReply>();
        var cycle = sizes.Select(s => Math.Max(1, s)).DefaultIfEmpty(bytes.Length + 1).ToArray();
        for (int offset = 0, i = 0; offset < bytes.Length; i++)
        {
            var size = Math.Min(cycle[i % cycle.Length], bytes.Length - offset);
            parser.Push(bytes.AsSpan(offset, size), replies);
            offset += size;
        }

        return (replies, parser.Error);
    }
}
