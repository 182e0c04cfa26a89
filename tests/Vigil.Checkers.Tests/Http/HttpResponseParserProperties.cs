using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Vigil.Checkers.Tests.Http;

/// <summary>Whatever the body and wherever the stream cuts it, each framing gives back exactly the body.</summary>
public sealed class HttpResponseParserProperties
{
    private static byte[] Frame(byte[] body, int framing, int chunk)
    {
        var head = framing switch
        {
            0 => $"HTTP/1.0 200 OK\r\nContent-Length: {body.Length}\r\n\r\n",
            1 => "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
            _ => "HTTP/1.0 200 OK\r\nServer: t\r\n\r\n",
        };
        var output = new MemoryStream();
        output.Write(Encoding.ASCII.GetBytes(head));
        if (framing != 1)
        {
            output.Write(body);
            return output.ToArray();
        }

        for (var at = 0; at < body.Length; at += chunk)
        {
            var piece = body.AsSpan(at, Math.Min(chunk, body.Length - at));
            output.Write(Encoding.ASCII.GetBytes(piece.Length.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            output.Write(piece);
            output.Write("\r\n"u8);
        }

        output.Write("0\r\n\r\n"u8);
        return output.ToArray();
    }

    [Property(MaxTest = 300)]
    public Property AnyBodyAnyFramingAnyCuts_GivesTheBodyBack(byte[] body, PositiveInt chunk, int[] cuts, bool chunked, bool close)
    {
        var framing = chunked ? 1 : close ? 2 : 0;
        var response = Frame(body, framing, Math.Min(chunk.Get, 64));
        var feed = new ParserFeed().Run(response, cuts.Select(c => Math.Abs(c % (response.Length + 1))));
        return (feed.Parser.IsDone && feed.Received.AsSpan().SequenceEqual(body) && feed.Parser.BodyBytes == body.Length).Label($"framing {framing}");
    }

    [Property(MaxTest = 300)]
    public Property AnyBytes_NeverThrowAndAlwaysEnd(byte[] junk, int[] cuts)
    {
        var response = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n").Concat(junk).ToArray();
        var feed = new ParserFeed().Run(response, cuts.Select(c => Math.Abs(c % (response.Length + 1))));
        return (feed.Parser.IsFinished && feed.Received.Length <= junk.Length).ToProperty();
    }
}
