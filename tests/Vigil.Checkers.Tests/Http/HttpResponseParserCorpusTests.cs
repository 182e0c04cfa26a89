namespace Vigil.Checkers.Tests.Http;

/// <summary>
/// Fuzzes the response parser from a committed corpus (<c>Corpus/</c>, one raw response per file, copied to the
/// output) and single-byte mutations of each: it never throws, always ends once the stream does, and gives the same
/// answer however the stream is cut.
/// </summary>
public sealed class HttpResponseParserCorpusTests
{
    public static TheoryData<string> Files() => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Http", "Corpus")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFile_AndItsMutations_ParseTheSameWhateverTheCuts(string file)
    {
        var seed = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Http", "Corpus", file));
        foreach (var input in Mutations(seed))
        {
            var whole = Outcome(new ParserFeed().Run(input));
            Assert.Equal(whole, Outcome(new ParserFeed().Run(input, Enumerable.Range(0, input.Length))));
            for (var cut = 0; cut <= input.Length; cut++)
            {
                Assert.Equal(whole, Outcome(new ParserFeed().Run(input, [cut])));
            }
        }
    }

    [Fact]
    public void CorpusSeeds_ParseAsTheyName()
    {
        Assert.Equal("done 200 hello", Outcome(Seed("ok_length.http")));
        Assert.Equal("done 200 hello", Outcome(Seed("ok_chunked.http")));
        Assert.Equal("done 200 until close", Outcome(Seed("ok_close.http")));
        Assert.Equal("done 200 ok", Outcome(Seed("interim.http")));
        Assert.Equal("done 200 hello", Outcome(Seed("bare_lf.http")));
        Assert.Equal("done 200 body", Outcome(Seed("odd_headers.http")));
        Assert.Equal("done 200 abc", Outcome(Seed("chunk_extensions.http")));
        Assert.Equal("done 204 ", Outcome(Seed("no_content.http")));
        Assert.Equal("done 200 body", Outcome(Seed("hostile_te_not_last.http")));
        Assert.Equal("done 200 \u00ff", Outcome(Seed("latin1_reason.http")));
        Assert.Equal("Truncated 200 x", Outcome(Seed("hostile_huge_chunk.http")));
        Assert.Equal("Malformed 200 ", Outcome(Seed("hostile_negative_chunk.http")));
        Assert.Equal("Malformed 200 ", Outcome(Seed("hostile_two_lengths.http")));
        Assert.Equal("Malformed 200 ", Outcome(Seed("hostile_plus_length.http")));
        Assert.Equal("Malformed 0 ", Outcome(Seed("hostile_nul_status.http")));
        Assert.Equal("Malformed 0 ", Outcome(Seed("hostile_blank_lines.http")));
    }

    private static ParserFeed Seed(string file) => new ParserFeed().Run(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Http", "Corpus", file)));

    private static string Outcome(ParserFeed feed)
    {
        Assert.True(feed.Parser.IsFinished);
        var state = feed.Parser.IsDone ? "done" : feed.Parser.Error.ToString();
        return $"{state} {feed.Parser.Status} {System.Text.Encoding.Latin1.GetString(feed.Received)}";
    }

    // The seed, then each byte replaced by a few values a parser trips on.
    private static IEnumerable<byte[]> Mutations(byte[] seed)
    {
        yield return seed;
        byte[] values = [0, (byte)'\n', (byte)'\r', (byte)':', (byte)'0', 0xff];
        for (var i = 0; i < seed.Length; i++)
        {
            foreach (var value in values)
            {
                var copy = (byte[])seed.Clone();
                copy[i] = value;
                yield return copy;
            }
        }
    }
}
