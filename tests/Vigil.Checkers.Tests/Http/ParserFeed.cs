using Vigil.Plugins.Checkers.Http;

namespace Vigil.Checkers.Tests.Http;

/// <summary>Feeds a response to a parser in pieces, keeping unconsumed bytes as <see cref="HttpExchange"/> does; collects what it delivers.</summary>
internal sealed class ParserFeed : IHttpBodySink
{
    private readonly MemoryStream _body = new();

    public HttpResponseParser Parser { get; } = new();

    public List<string> Head { get; } = [];

    public byte[] Received => _body.ToArray();

    /// <summary>Parses <paramref name="response"/> cut at <paramref name="cuts"/> (positions, any order), then ends the stream unless it finished.</summary>
    public ParserFeed Run(byte[] response, IEnumerable<int>? cuts = null, bool close = true)
    {
        var points = (cuts ?? []).Select(c => Math.Clamp(c, 0, response.Length)).Append(response.Length).Distinct().Order().ToList();
        var pending = new List<byte>();
        var at = 0;
        foreach (var point in points)
        {
            pending.AddRange(response[at..point]);
            at = point;
            var consumed = Parser.Parse(pending.ToArray(), this);
            Assert.InRange(consumed, 0, pending.Count);
            pending.RemoveRange(0, consumed);
            if (Parser.IsFinished)
            {
                return this;
            }
        }

        if (close)
        {
            Parser.Finish();
        }

        return this;
    }

    public void HeadLine(ReadOnlySpan<byte> line) => Head.Add(System.Text.Encoding.Latin1.GetString(line));

    public void Body(ReadOnlySpan<byte> bytes) => _body.Write(bytes);
}
