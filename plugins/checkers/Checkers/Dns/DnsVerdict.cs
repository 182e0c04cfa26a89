using System.Globalization;
using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.Checkers.Checkers.Dns;

/// <summary>
/// What one datagram says about a DNS_CHECK query (check_dns.c's <c>dns_recv_thread</c>): a datagram shorter than a
/// header, with another id, or not a response is not the answer and the check goes on waiting; so is a response to
/// another question (Vigil's addition: a stray or spoofed reply cannot pass the check). A response with RCODE 0 passes,
/// as in keepalived whether or not it holds an answer of the type; another RCODE fails. Pure.
/// </summary>
internal static class DnsVerdict
{
    /// <summary>The result, or null when the datagram is not the reply to this query.</summary>
    public static CheckResult? Of(ReadOnlySpan<byte> datagram, ushort id, DnsSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!DnsMessageParser.TryReadHeader(datagram, out var replyId, out var flags) || replyId != id || (flags & 0x8000) == 0)
        {
            return null;
        }

        if (!DnsMessageParser.TryParse(datagram, out var message, out var error))
        {
            return CheckResult.Fail(CheckFailureKind.BadResponse, $"malformed DNS response: {error}");
        }

        if (message!.Questions.Any(q => q.Type != spec.Type || q.Class != DnsQuery.ClassIn || !DnsName.Same(q.Name, spec.Name)))
        {
            return null;
        }

        var rcode = message.ResponseCode;
        var type = DnsRecordTypes.NameOf(spec.Type);
        if (rcode != 0)
        {
            return CheckResult.Fail(CheckFailureKind.BadStatus, $"DNS {type} {spec.Name}: rcode {rcode.ToString(CultureInfo.InvariantCulture)} ({RcodeName(rcode)})", rcode);
        }

        var answers = message.Answers.Count(a => a.Type == spec.Type);
        return CheckResult.Pass($"DNS {type} {spec.Name}: {answers.ToString(CultureInfo.InvariantCulture)} {type} answer(s)");
    }

    private static string RcodeName(int rcode) => rcode switch
    {
        1 => "FORMERR",
        2 => "SERVFAIL",
        3 => "NXDOMAIN",
        4 => "NOTIMP",
        5 => "REFUSED",
        _ => "rcode",
    };
}
