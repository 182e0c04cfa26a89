using System.Text;

namespace Vigil.Plugins.SmtpCheck;

/// <summary>
/// Splits the bytes a server sends into SMTP replies (RFC 5321 4.2): lines <c>ddd-text</c> continue a reply, a line
/// <c>ddd text</c> or <c>ddd</c> ends it. Pure and incremental: bytes may arrive in any pieces. A line ends at LF,
/// with or without CR before it, as keepalived reads it.
/// </summary>
/// <remarks>
/// What a server may send is bounded, so a hostile or broken one cannot grow memory: a line longer than
/// <see cref="MaxLineLength"/> (RFC 5321's 512 octets) or a reply of more than <see cref="MaxLines"/> lines is malformed.
/// keepalived reads only the first line of a reply; a multi-line greeting (<c>220-</c>), which it refuses, is
/// accepted here as the RFC allows.
/// </remarks>
internal sealed class SmtpReplyParser
{
    /// <summary>The longest reply line, line end included.</summary>
    public const int MaxLineLength = 512;

    /// <summary>The most lines in one reply.</summary>
    public const int MaxLines = 64;

    private readonly byte[] _line = new byte[MaxLineLength];
    private int _length;
    private int _code = -1;
    private int _lines;

    /// <summary>The error that stopped the parser, or null; once set, further input is ignored.</summary>
    public string? Error { get; private set; }

    /// <summary>Reads <paramref name="data"/>, adding each reply it completes to <paramref name="replies"/>; false once malformed (see <see cref="Error"/>).</summary>
    public bool Push(ReadOnlySpan<byte> data, ICollection<SmtpReply> replies)
    {
        foreach (var b in data)
        {
            if (Error is not null)
            {
                return false;
            }

            if (b == (byte)'\n')
            {
                EndLine(replies);
                continue;
            }

            if (_length == MaxLineLength - 1)
            {
                Error = $"a reply line longer than {MaxLineLength} bytes";
                return false;
            }

            _line[_length++] = b;
        }

        return Error is null;
    }

    private void EndLine(ICollection<SmtpReply> replies)
    {
        var line = _line.AsSpan(0, _length > 0 && _line[_length - 1] == (byte)'\r' ? _length - 1 : _length);
        _length = 0;
        if (!TryCode(line, out var code) || (line.Length > 3 && line[3] is not (byte)' ' and not (byte)'-'))
        {
            Error = $"not an SMTP reply: '{Printable(line)}'";
            return;
        }

        if (_code >= 0 && code != _code)
        {
            Error = $"reply {_code} continued by a line of reply {code}: '{Printable(line)}'";
            return;
        }

        if (line.Length > 3 && line[3] == (byte)'-')
        {
            _code = code;
            if (++_lines == MaxLines)
            {
                Error = $"a reply of more than {MaxLines} lines";
            }

            return;
        }

        _code = -1;
        _lines = 0;
        replies.Add(new SmtpReply(code, Printable(line)));
    }

    // RFC 5321 4.2: the first digit is 2-5, the second 0-5, the third any digit.
    private static bool TryCode(ReadOnlySpan<byte> line, out int code)
    {
        code = 0;
        if (line.Length < 3 || line[0] is < (byte)'2' or > (byte)'5' || line[1] is < (byte)'0' or > (byte)'5' || !char.IsAsciiDigit((char)line[2]))
        {
            return false;
        }

        code = ((line[0] - '0') * 100) + ((line[1] - '0') * 10) + (line[2] - '0');
        return true;
    }

    /// <summary>The line for a log message: ASCII as is, anything else as '?'.</summary>
    private static string Printable(ReadOnlySpan<byte> line)
    {
        var text = new StringBuilder(line.Length);
        foreach (var b in line)
        {
            text.Append(b is >= 0x20 and < 0x7f ? (char)b : '?');
        }

        return text.ToString();
    }
}
