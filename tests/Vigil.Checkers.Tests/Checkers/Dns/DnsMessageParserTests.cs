using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers.Checkers.Dns;

namespace Vigil.Checkers.Tests.Checkers.Dns;

public sealed class DnsMessageParserTests
{
    [Fact]
    public void QueryIsWrittenAsKeepalivedWritesIt()
    {
        var query = DnsQuery.Write(0xbeef, "example.com", 6);

        Assert.Equal(Convert.FromHexString("BEEF01000001000000000000076578616D706C6503636F6D0000060001"), query);
        Assert.Equal(Convert.FromHexString("BEEF0100000100000000000000000F0001"), DnsQuery.Write(0xbeef, ".", 15));
        Assert.Equal(DnsQuery.Write(1, "example.com", 1), DnsQuery.Write(1, "example.com.", 1));
    }

    [Fact]
    public void ResponseWithACompressedAnswerParses()
    {
        var response = TestDnsServer.Respond(DnsQuery.Write(7, "www.Example.org", 1));

        Assert.True(DnsMessageParser.TryParse(response, out var message, out var error), error);
        Assert.Equal((7, true, 0), (message!.Id, message.IsResponse, message.ResponseCode));
        Assert.Equal(new DnsRecord("www.Example.org", 1, 1), Assert.Single(message.Questions));
        Assert.Equal(new DnsRecord("www.Example.org", 1, 1, 60, 4), Assert.Single(message.Answers));
    }

    [Theory]
    [InlineData("000181800000000100000000C00C000100010000003C0004C0000201", "answer 1: a compression pointer at 12 points forward or at itself (12)")]
    [InlineData("000181800000000100000000C00E000100010000003C0004C0000201", "answer 1: a compression pointer at 12 points forward or at itself (14)")]
    [InlineData("0001818000010000000000000361616103", "question 1: a label runs past the message")]
    [InlineData("000181800001000000000000036161610000", "question 1 is cut short")]
    [InlineData("00018180000100000000000003616161C0", "question 1: a compression pointer is cut short")]
    [InlineData("0001818000010000000000004161", "question 1: label type 0x40 at 12 is not supported")]
    [InlineData("000181800000000100000000000001000100000000FFFF", "answer 1's data of 65535 bytes runs past the message")]
    [InlineData("0001", "2 bytes, shorter than a header")]
    public void HostileMessagesAreErrors(string hex, string expected)
    {
        Assert.False(DnsMessageParser.TryParse(Convert.FromHexString(hex), out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void ALoopOfPointersEnds()
    {
        // Name at 12: label "a" then a pointer to 12, its own start.
        var loop = Convert.FromHexString("00018180000100000000000001" + "61C00C00010001");
        Assert.False(DnsMessageParser.TryParse(loop, out _, out var error));
        Assert.Contains("points forward or at itself", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameLongerThan255BytesIsAnError()
    {
        var labels = string.Concat(Enumerable.Repeat("3F" + new string('6', 126), 5));
        Assert.False(DnsMessageParser.TryParse(Convert.FromHexString("000181800001000000000000" + labels + "0000010001"), out _, out var error));
        Assert.Equal("question 1: a name is longer than 255 bytes", error);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData(".example", "has an empty label")]
    [InlineData("a..b", "has an empty label")]
    [InlineData("é.com", "has a label that is not ASCII ('é')")]
    public void BadNamesAreRefused(string name, string problem) => Assert.Equal(problem, DnsName.Problem(name));

    [Fact]
    public void LongLabelsAndNamesAreRefused()
    {
        Assert.Equal("has a label longer than 63 characters", DnsName.Problem(new string('a', 64) + ".com"));
        Assert.Equal("is longer than 255 bytes on the wire", DnsName.Problem(string.Join('.', Enumerable.Repeat(new string('a', 63), 4))));
        Assert.Null(DnsName.Problem("."));
        Assert.Null(DnsName.Problem("a.b."));
    }
}
