using System.Text;
using Vigil.Plugins.Checkers.Http;

namespace Vigil.Checkers.Tests.Http;

public sealed class HttpResponseParserTests
{
    private static ParserFeed Parse(string response, bool close = true) => new ParserFeed().Run(Encoding.Latin1.GetBytes(response), close: close);

    [Fact]
    public void ContentLength_DeliversExactlyThatManyBytesAndFinishesWithoutTheClose()
    {
        var feed = Parse("HTTP/1.0 200 OK\r\nContent-Length: 5\r\nServer: x\r\n\r\nhelloEXTRA", close: false);
        Assert.True(feed.Parser.IsDone);
        Assert.Equal(200, feed.Parser.Status);
        Assert.Equal(5, feed.Parser.ContentLength);
        Assert.Equal("hello"u8.ToArray(), feed.Received);
        Assert.Equal(["HTTP/1.0 200 OK", "Content-Length: 5", "Server: x"], feed.Head);
    }

    [Fact]
    public void Chunked_RemovesTheFramingExtensionsAndTrailers()
    {
        var feed = Parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n5;name=x\r\nhello\r\nB\r\n 0123456789\r\n0\r\nTrailer: y\r\n\r\n", close: false);
        Assert.True(feed.Parser.IsDone);
        Assert.True(feed.Parser.Chunked);
        Assert.Equal("hello 0123456789"u8.ToArray(), feed.Received);
    }

    [Fact]
    public void NoLength_ReadsUntilTheClose()
    {
        var feed = Parse("HTTP/1.0 404 Not Found\n\nline one\nline two");
        Assert.True(feed.Parser.IsDone);
        Assert.Equal(404, feed.Parser.Status);
        Assert.Equal("line one\nline two"u8.ToArray(), feed.Received);
    }

    [Fact]
    public void InterimContinue_IsSkippedForTheRealAnswer()
    {
        var feed = Parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n", close: false);
        Assert.True(feed.Parser.IsDone);
        Assert.Equal(503, feed.Parser.Status);
    }

    [Theory]
    [InlineData(204)]
    [InlineData(304)]
    public void NoContentStatuses_HaveNoBody(int status)
    {
        var feed = Parse($"HTTP/1.1 {status} X\r\nContent-Length: 10\r\n\r\n", close: false);
        Assert.True(feed.Parser.IsDone);
        Assert.Empty(feed.Received);
    }

    [Theory]
    [InlineData("", "Truncated", "the connection closed without an answer")]
    [InlineData("HTTP/1.0 200 OK\r\nServer", "Truncated", "the connection closed in the middle of the header")]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 10\r\n\r\nabc", "Truncated", "the connection closed after 3 of 10 body bytes")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", "Truncated", "the connection closed in the middle of the chunked body, after 2 bytes")]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n", "Malformed", "not an HTTP/1.x status line: 'SSH-2.0-OpenSSH_9.2'")]
    [InlineData("HTTP/1.0 20 OK\r\n", "Malformed", "not an HTTP/1.x status line: 'HTTP/1.0 20 OK'")]
    [InlineData("HTTP/1.0 700 Odd\r\n", "Malformed", "not an HTTP/1.x status line: 'HTTP/1.0 700 Odd'")]
    [InlineData("HTTP/1.0 2000\r\n", "Malformed", "not an HTTP/1.x status line: 'HTTP/1.0 2000'")]
    [InlineData("HTTP/2 200\r\n", "Malformed", "not an HTTP/1.x status line: 'HTTP/2 200'")]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: -1\r\n\r\n", "Malformed", "invalid Content-Length '-1'")]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "Malformed", "invalid Content-Length '2'")]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n", "Malformed", "invalid Content-Length '99999999999999999999'")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "Malformed", "invalid chunk size 'zz'")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFF\r\n", "Malformed", "invalid chunk size 'FFFFFFFFFFFFFFFF'")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", "Malformed", "a chunk does not end where its size says")]
    public void BrokenAnswers_FailWithTheirReason(string response, string error, string detail)
    {
        var feed = Parse(response);
        Assert.Equal(error, feed.Parser.Error.ToString());
        Assert.Equal(detail, feed.Parser.ErrorDetail);
        Assert.False(feed.Parser.IsDone);
    }

    [Fact]
    public void EndlessHeaders_AreRefusedAfterAFixedNumberOfLines()
    {
        var feed = Parse("HTTP/1.0 200 OK\r\n" + string.Concat(Enumerable.Repeat("X: y\r\n", 300)));
        Assert.Equal("more than 256 header lines", feed.Parser.ErrorDetail);
    }

    [Fact]
    public void ControlBytesInAStatusLine_AreShownAsQuestionMarksAndCut()
    {
        var feed = Parse("\u0001\u00ff" + new string('x', 100) + "\n");
        Assert.Equal($"not an HTTP/1.x status line: '??{new string('x', 78)}…'", feed.Parser.ErrorDetail);
    }

    [Fact]
    public void Reset_ForgetsTheLastAnswer()
    {
        var feed = Parse("HTTP/1.0 500 X\r\nContent-Length: 1\r\n\r\n");
        feed.Parser.Reset();
        Assert.Equal(0, feed.Parser.Status);
        Assert.Equal(HttpParseError.None, feed.Parser.Error);
        Assert.False(feed.Parser.HeadComplete);
        Assert.Null(feed.Parser.ContentLength);
    }
}
