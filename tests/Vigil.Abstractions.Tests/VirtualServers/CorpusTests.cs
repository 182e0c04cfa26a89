using System.Globalization;
using System.Text;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Tests.VirtualServers;

/// <summary>
/// Fuzzes the virtual-server text parsers from a committed corpus (<c>Corpus/</c>, one keepalived line per file, copied
/// to the output): whatever the text, parsing answers true or false and never throws, and what parses prints back to
/// text that parses to the same value.
/// </summary>
public class CorpusTests
{
    private const string Interesting = "0123456789abcdefABCDEF:.[]/-% \t\0\r\nfwmarkgroupinet6xé\u00a0\uff10";

    public static TheoryData<string> Files() => new(Directory.GetFiles(CorpusDirectory()).Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFile_ParsesEveryWayWithoutThrowing(string file)
    {
        var failure = ParseEveryWay(Read(file), TransportProtocol.Tcp);

        Assert.True(failure is null, failure);
    }

    [Fact]
    public void CorpusSeeds_ParseAsTheyName()
    {
        Assert.Equal("192.168.200.100:80/tcp", VirtualServerKey.Parse(Read("vs_ipv4.txt")).ToString());
        Assert.Equal("192.168.200.100:443/tcp", VirtualServerKey.Parse(Read("vs_ipv4_tabs.txt")).ToString());
        Assert.Equal("10.0.0.1:0/tcp", VirtualServerKey.Parse(Read("vs_ipv4_no_port.txt")).ToString());
        Assert.Equal("[2001:db8::1]:80/tcp", VirtualServerKey.Parse(Read("vs_ipv6.txt")).ToString());
        Assert.Equal("10.0.0.1:80/tcp", VirtualServerKey.Parse(Read("vs_ipv4_mapped.txt")).ToString());
        Assert.Equal("10.0.0.1:80/tcp", VirtualServerKey.Parse(Read("vs_canonical_ipv4.txt")).ToString());
        Assert.Equal("[2001:db8::1]:80/udp", VirtualServerKey.Parse(Read("vs_canonical_ipv6.txt")).ToString());
        Assert.Equal("fwmark:7", VirtualServerKey.Parse(Read("vs_fwmark.txt")).ToString());
        Assert.Equal("fwmark:7/inet6", VirtualServerKey.Parse(Read("vs_fwmark_inet6.txt")).ToString());
        Assert.Equal("fwmark:7/inet6", VirtualServerKey.Parse(Read("vs_fwmark_canonical.txt")).ToString());
        Assert.Equal("group:web/tcp", VirtualServerKey.Parse(Read("vs_group.txt")).ToString());
        Assert.Equal("group:web/tcp", VirtualServerKey.Parse(Read("vs_group_canonical.txt")).ToString());
        Assert.Equal("10.0.0.2:8080", RealServerKey.Parse(Read("rs_ipv4.txt")).ToString());
        Assert.Equal("[2001:db8::2]:8080", RealServerKey.Parse(Read("rs_ipv6_joined.txt")).ToString());
        Assert.Equal("192.168.200.1-192.168.200.10 80", Member("member_range.txt"));
        Assert.Equal("192.168.200.250-192.168.201.10 80", Member("member_range_full.txt"));
        Assert.Equal("192.168.202.8-192.168.202.15 80", Member("member_cidr.txt"));
        Assert.Equal("2001:db8::1-2001:db8::ff 80", Member("member_ipv6_range.txt"));
        Assert.Equal("2001:db8::-2001:db8::3 443", Member("member_ipv6_cidr.txt"));
    }

    [Fact]
    public void CorpusHostileSeeds_AreRefused()
    {
        string[] refused =
        [
            "hostile_nul.txt", "hostile_nul_only.txt", "hostile_long_port.txt", "hostile_long_colons.txt", "hostile_long_words.txt",
            "hostile_unicode_fullwidth.txt", "hostile_unicode_arabic_digits.txt", "hostile_unicode_space.txt", "hostile_open_bracket.txt",
            "hostile_close_bracket.txt", "hostile_brackets_empty.txt", "hostile_brackets_nested.txt", "hostile_bracket_unclosed.txt",
            "hostile_triple_colon.txt", "hostile_empty_bracket_port.txt", "hostile_scope_alone.txt", "hostile_shorthand.txt",
            "hostile_slashes.txt", "hostile_fwmark_slashes.txt", "hostile_dash.txt", "hostile_range_open.txt",
            "hostile_huge_fwmark.txt", "hostile_negative_port.txt", "hostile_group_colon.txt", "hostile_invalid_utf8.txt", "hostile_octal.txt",
            "hostile_hex.txt", "hostile_bracket_port_and_port.txt",
        ];

        Assert.All(refused, file => Assert.False(VirtualServerKey.TryParse(Read(file), TransportProtocol.Tcp, out _, out _), file));
    }

    [Fact]
    public void MutatedCorpus_TenThousandTimes_NeverThrowsAndRoundTrips()
    {
        var random = new Random(20250611);
        var seeds = Directory.GetFiles(CorpusDirectory()).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var protocols = Enum.GetValues<TransportProtocol>();
        for (var i = 0; i < 10_000; i++)
        {
            var text = new StringBuilder(seeds[random.Next(seeds.Length)]);
            for (var m = random.Next(1, 5); m > 0; m--)
            {
                Mutate(text, random, seeds);
            }

            var failure = ParseEveryWay(text.ToString(), protocols[random.Next(protocols.Length)]);
            Assert.True(failure is null, failure);
        }
    }

    private static void Mutate(StringBuilder text, Random random, string[] seeds)
    {
        var at = random.Next(text.Length + 1);
        switch (random.Next(5))
        {
            case 0 when text.Length > 0:
                var flip = random.Next(text.Length);
                text[flip] = (char)(text[flip] ^ (1 << random.Next(16)));
                break;
            case 1 when text.Length > 0:
                text.Remove(random.Next(text.Length), 1);
                break;
            case 2 when text.Length > 0:
                var start = random.Next(text.Length);
                text.Insert(at, text.ToString(start, random.Next(1, Math.Min(16, text.Length - start) + 1)));
                break;
            case 3:
                var other = seeds[random.Next(seeds.Length)];
                var from = random.Next(other.Length + 1);
                text.Insert(at, other.Substring(from, Math.Min(random.Next(1, 12), other.Length - from)));
                break;
            default:
                text.Insert(at, Interesting[random.Next(Interesting.Length)]);
                break;
        }
    }

    /// <summary>Runs every parser over <paramref name="text"/>; null when all behaved, else what went wrong.</summary>
    private static string? ParseEveryWay(string text, TransportProtocol protocol)
    {
        try
        {
            if (VirtualServerKey.TryParse(text, protocol, out var key, out _) && VirtualServerKey.Parse(key.ToString()) != key)
            {
                return $"virtual server key {key} does not parse back, from {Escape(text)}";
            }

            if (RealServerKey.TryParse(text, 80, out var real, out _) && RealServerKey.Parse(real.ToString()) != real)
            {
                return $"real server key {real} does not parse back, from {Escape(text)}";
            }

            if (VirtualServerGroupMember.TryParse(text, out var member, out _)
                && (!VirtualServerGroupMember.TryParse(member.ToString(), out var again, out _) || again != member))
            {
                return $"group member {member} does not parse back, from {Escape(text)}";
            }

            if (AddressRange.TryParse(text, out var range, out _)
                && (!AddressRange.TryParse(range.ToString(), out var same, out _) || same != range || !range.Contains(range.First) || !range.Contains(range.Last) || range.Count < 1))
            {
                return $"address range {range} is inconsistent, from {Escape(text)}";
            }

            return null;
        }
        catch (Exception e)
        {
            return $"{Escape(text)} threw {e}";
        }
    }

    private static string Member(string file) =>
        VirtualServerGroupMember.TryParse(Read(file), out var member, out var error) ? member.ToString() : error;

    private static string Escape(string text) =>
        "\"" + string.Concat(text.Take(200).Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString(CultureInfo.InvariantCulture))) + (text.Length > 200 ? "…" : "") + "\"";

    private static string Read(string file) => File.ReadAllText(Path.Combine(CorpusDirectory(), file));

    private static string CorpusDirectory() => Path.Combine(AppContext.BaseDirectory, "VirtualServers", "Corpus");
}
