using Vigil.Plugins.Checkers.Checkers.Dns;

namespace Vigil.Checkers.Tests.Checkers.Dns;

/// <summary>
/// Fuzzes the DNS parser from a committed corpus (<c>Corpus/</c>, one datagram per file): every file, every prefix of
/// it and every one-byte change parse without throwing, and what parses holds no more records than its header counts.
/// </summary>
public sealed class DnsCorpusTests
{
    public static TheoryData<string> Files() => new(Directory.GetFiles(CorpusDirectory()).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFile_ParsesEveryWayWithoutThrowing(string file)
    {
        var data = File.ReadAllBytes(Path.Combine(CorpusDirectory(), file));
        for (var length = 0; length <= data.Length; length++)
        {
            Consistent(data.AsSpan(0, length));
        }

        for (var i = 0; i < data.Length; i++)
        {
            foreach (var b in new byte[] { 0x00, 0x3f, 0xc0, 0xff })
            {
                var copy = (byte[])data.Clone();
                copy[i] = b;
                Consistent(copy);
            }
        }
    }

    [Theory]
    [InlineData("response_a.bin", true, null)]
    [InlineData("response_many_answers.bin", true, null)]
    [InlineData("pointer_chain.bin", true, null)]
    [InlineData("pointer_loop.bin", false, "question 1: a compression pointer at 14 points forward or at itself (12)")]
    [InlineData("pointer_forward.bin", false, "question 1: a compression pointer at 12 points forward or at itself (32)")]
    [InlineData("header_only_counts_lie.bin", false, "question 1: a name runs past the message")]
    public void CorpusSeeds_ParseAsTheyName(string file, bool parses, string? error)
    {
        var data = File.ReadAllBytes(Path.Combine(CorpusDirectory(), file));
        Assert.Equal((parses, error), (DnsMessageParser.TryParse(data, out _, out var actual), actual));
    }

    private static void Consistent(ReadOnlySpan<byte> data)
    {
        if (DnsMessageParser.TryParse(data, out var message, out _))
        {
            Assert.True(message!.Questions.Count <= ((data[4] << 8) | data[5]));
            Assert.True(message.Answers.Count <= ((data[6] << 8) | data[7]));
            Assert.All(message.Questions.Concat(message.Answers), r => Assert.True(r.Name.Length <= 4 * DnsName.MaxWireLength));
        }

        _ = DnsVerdict.Of(data, DnsMessageParser.TryReadHeader(data, out var id, out _) ? id : (ushort)0, new DnsSpec(1, "www.example.com"));
    }

    private static string CorpusDirectory() => Path.Combine(AppContext.BaseDirectory, "Checkers", "Dns", "Corpus");
}
