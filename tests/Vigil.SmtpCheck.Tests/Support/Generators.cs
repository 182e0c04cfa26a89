using FsCheck;
using FsCheck.Fluent;

namespace Vigil.SmtpCheck.Tests.Support;

/// <summary>Well-formed SMTP replies as a server sends them, single- and multi-line, with CRLF or bare LF.</summary>
internal static class Generators
{
    public static Gen<int> Code() =>
        from first in Gen.Choose(2, 5)
        from second in Gen.Choose(0, 5)
        from third in Gen.Choose(0, 9)
        select (first * 100) + (second * 10) + third;

    public static Gen<string> Text() =>
        Gen.Elements("mail.example", "ESMTP ready", "ok", "5.7.1 denied", "Hello [127.0.0.1]", "").SelectMany(t => Gen.Elements(t, t.ToUpperInvariant()));

    public static Gen<GeneratedReply> Reply() =>
        from code in Code()
        from lines in Text().ListOf().Select(l => l.Take(5).ToList())
        from last in Text()
        from crlf in ArbMap.Default.GeneratorFor<bool>()
        select new GeneratedReply(code, string.Concat(lines.Select(l => $"{code}-{l}{(crlf ? "\r\n" : "\n")}")) + $"{code}{(last.Length > 0 ? " " + last : "")}{(crlf ? "\r\n" : "\n")}");

    public static Gen<List<GeneratedReply>> Replies() => Reply().ListOf().Select(r => r.Take(6).ToList());
}

/// <summary>A reply's code and its bytes on the wire.</summary>
internal sealed record GeneratedReply(int Code, string Wire);
