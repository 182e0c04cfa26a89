using FsCheck.Xunit;
using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers.Checkers.Dns;

namespace Vigil.Checkers.Tests.Checkers.Dns;

public sealed class DnsPropertyTests
{
    private static readonly ushort[] Types = [1, 2, 5, 6, 15, 16, 28, 46, 48];

    private static readonly string[] Labels = ["a", "B", "xn--bcher-kva", "0", "-", "ns1", new string('z', 63)];

    [Property]
    public bool QueriesParseBackToTheirQuestion(ushort id, byte[] seed, byte typeIndex)
    {
        var name = Name(seed);
        var type = Types[typeIndex % Types.Length];
        var query = DnsQuery.Write(id, name, type);
        return DnsMessageParser.TryParse(query, out var message, out _)
            && message!.Id == id && !message.IsResponse
            && message.Questions.Count == 1 && DnsName.Same(message.Questions[0].Name, name == "." ? "" : name)
            && message.Questions[0].Type == type;
    }

    [Property]
    public bool AnswersToItsOwnQueryPass(ushort id, byte[] seed)
    {
        var name = Name(seed);
        var response = TestDnsServer.Respond(DnsQuery.Write(id, name, 1));
        return DnsVerdict.Of(response, id, new DnsSpec(1, name)) is { Healthy: true };
    }

    [Property]
    public bool AnyBytesParseWithoutThrowing(byte[] data)
    {
        _ = DnsMessageParser.TryParse(data ?? [], out _, out _);
        _ = DnsVerdict.Of(data ?? [], 1, new DnsSpec(6, "."));
        return true;
    }

    [Property]
    public bool MutatedResponsesParseWithoutThrowing(byte[] noise, int at)
    {
        var response = TestDnsServer.Respond(DnsQuery.Write(9, "www.example.com", 28));
        foreach (var b in noise ?? [])
        {
            response[(int)((uint)(at++ * 7919) % (uint)response.Length)] = b;
        }

        _ = DnsMessageParser.TryParse(response, out _, out _);
        _ = DnsMessageParser.TryParse(response.AsSpan(0, (int)((uint)at % (uint)response.Length)), out _, out _);
        return true;
    }

    // Up to three labels picked by the seed, or the root.
    private static string Name(byte[]? seed) =>
        seed is null || seed.Length == 0 ? "." : string.Join('.', seed.Take(3).Select(b => Labels[b % Labels.Length]));
}
