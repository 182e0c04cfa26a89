using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Vigil.Plugins.Checkers.Http;

/// <summary>
/// An incremental HTTP/1.x response parser: the status line, the headers, then a body framed by Content-Length, by
/// chunked transfer coding or by the end of the stream. It owns no buffer: <see cref="Parse"/> consumes what it can and
/// the caller keeps the rest (an unfinished line) for the next call, so a fixed buffer bounds the longest line. Pure.
/// Interim 1xx answers are skipped; 204 and 304 have no body.
/// </summary>
internal sealed class HttpResponseParser
{
    private const int MaxHeaderLines = 256;

    private Phase _phase;
    private long _remaining;
    private int _headerLines;

    private enum Phase
    {
        StatusLine,
        Headers,
        FixedBody,
        ChunkSize,
        ChunkData,
        ChunkEnd,
        Trailers,
        UntilClose,
        Done,
        Failed,
    }

    /// <summary>The status code, once the status line is read; 0 before.</summary>
    public int Status { get; private set; }

    /// <summary>The Content-Length header's value, or null.</summary>
    public long? ContentLength { get; private set; }

    /// <summary>True when the body is chunked.</summary>
    public bool Chunked { get; private set; }

    /// <summary>Body bytes delivered so far.</summary>
    public long BodyBytes { get; private set; }

    /// <summary>True once the head (status line and headers) of the final answer is read.</summary>
    public bool HeadComplete => _phase is not (Phase.StatusLine or Phase.Headers) && _phase != Phase.Failed;

    /// <summary>True once the whole response is read.</summary>
    public bool IsDone => _phase == Phase.Done;

    /// <summary>Why it failed, or <see cref="HttpParseError.None"/>.</summary>
    public HttpParseError Error { get; private set; }

    /// <summary>What was wrong, when <see cref="Error"/> is set.</summary>
    public string ErrorDetail { get; private set; } = "";

    /// <summary>True when parsing has ended, done or failed.</summary>
    public bool IsFinished => _phase is Phase.Done or Phase.Failed;

    /// <summary>Forgets everything, for the next response.</summary>
    public void Reset()
    {
        _phase = Phase.StatusLine;
        _remaining = 0;
        _headerLines = 0;
        Status = 0;
        ContentLength = null;
        Chunked = false;
        BodyBytes = 0;
        Error = HttpParseError.None;
        ErrorDetail = "";
    }

    /// <summary>
    /// Parses as much of <paramref name="data"/> as it can, handing head lines and body bytes to <paramref name="sink"/>;
    /// returns how many bytes it consumed. Less than all means it needs more bytes to finish a line (or it has finished).
    /// </summary>
    public int Parse(ReadOnlySpan<byte> data, IHttpBodySink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var consumed = 0;
        while (!IsFinished)
        {
            var rest = data[consumed..];
            if (_phase is Phase.FixedBody or Phase.ChunkData or Phase.UntilClose)
            {
                if (rest.IsEmpty)
                {
                    break;
                }

                var take = _phase == Phase.UntilClose ? rest.Length : (int)Math.Min(_remaining, rest.Length);
                sink.Body(rest[..take]);
                BodyBytes += take;
                consumed += take;
                if (_phase != Phase.UntilClose && (_remaining -= take) == 0)
                {
                    _phase = _phase == Phase.FixedBody ? Phase.Done : Phase.ChunkEnd;
                }

                continue;
            }

            var lf = rest.IndexOf((byte)'\n');
            if (lf < 0)
            {
                break;
            }

            var line = rest[..lf];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            consumed += lf + 1;
            Line(line, sink);
        }

        return consumed;
    }

    /// <summary>Tells the parser the stream has ended: a body read until the close is complete, anything else unfinished is truncated.</summary>
    public void Finish()
    {
        switch (_phase)
        {
            case Phase.UntilClose:
                _phase = Phase.Done;
                break;
            case Phase.StatusLine when Status == 0:
                Fail(HttpParseError.Truncated, "the connection closed without an answer");
                break;
            case Phase.StatusLine or Phase.Headers:
                Fail(HttpParseError.Truncated, "the connection closed in the middle of the header");
                break;
            case Phase.FixedBody:
                Fail(HttpParseError.Truncated, $"the connection closed after {Text(BodyBytes)} of {Text(ContentLength ?? 0)} body bytes");
                break;
            case Phase.ChunkSize or Phase.ChunkData or Phase.ChunkEnd or Phase.Trailers:
                Fail(HttpParseError.Truncated, $"the connection closed in the middle of the chunked body, after {Text(BodyBytes)} bytes");
                break;
        }
    }

    private void Line(ReadOnlySpan<byte> line, IHttpBodySink sink)
    {
        switch (_phase)
        {
            case Phase.StatusLine:
                sink.HeadLine(line);
                StatusLine(line);
                break;
            case Phase.Headers:
                if (line.IsEmpty)
                {
                    EndOfHead();
                }
                else
                {
                    sink.HeadLine(line);
                    Header(line);
                }

                break;
            case Phase.ChunkSize:
                ChunkSize(line);
                break;
            case Phase.ChunkEnd:
                if (line.IsEmpty)
                {
                    _phase = Phase.ChunkSize;
                }
                else
                {
                    Fail(HttpParseError.Malformed, "a chunk does not end where its size says");
                }

                break;
            case Phase.Trailers:
                if (line.IsEmpty)
                {
                    _phase = Phase.Done;
                }

                break;
        }
    }

    private void StatusLine(ReadOnlySpan<byte> line)
    {
        // HTTP/1.x SP 3DIGIT [SP reason]
        if (line.Length < 12 || !line.StartsWith("HTTP/1."u8) || !char.IsAsciiDigit((char)line[7]) || line[8] != (byte)' '
            || !ThreeDigits(line.Slice(9, 3), out var status)
            || (line.Length > 12 && line[12] != (byte)' ') || status is < 100 or > 599)
        {
            Fail(HttpParseError.Malformed, $"not an HTTP/1.x status line: '{Printable(line)}'");
            return;
        }

        Status = status;
        ContentLength = null;
        Chunked = false;
        _headerLines = 0;
        _phase = Phase.Headers;
    }

    private void Header(ReadOnlySpan<byte> line)
    {
        if (++_headerLines > MaxHeaderLines)
        {
            Fail(HttpParseError.Malformed, $"more than {Text(MaxHeaderLines)} header lines");
            return;
        }

        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            // An obsolete folded line or a stray one: nothing a probe needs is in it.
            return;
        }

        var name = line[..colon];
        var value = line[(colon + 1)..].Trim(" \t"u8);
        if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
        {
            if (value.IsEmpty || value.Length > 18 || value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0
                || !Utf8Parser.TryParse(value, out long length, out _) || (ContentLength is { } seen && seen != length))
            {
                Fail(HttpParseError.Malformed, $"invalid Content-Length '{Printable(value)}'");
                return;
            }

            ContentLength = length;
        }
        else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
        {
            var last = value.LastIndexOf((byte)',');
            Chunked = Ascii.EqualsIgnoreCase(value[(last + 1)..].Trim(" \t"u8), "chunked"u8);
        }
    }

    private void EndOfHead()
    {
        if (Status < 200)
        {
            // 100 Continue and friends: the real answer follows.
            _phase = Phase.StatusLine;
        }
        else if (Status is 204 or 304)
        {
            _phase = Phase.Done;
        }
        else if (Chunked)
        {
            _phase = Phase.ChunkSize;
        }
        else if (ContentLength is { } length)
        {
            _remaining = length;
            _phase = length == 0 ? Phase.Done : Phase.FixedBody;
        }
        else
        {
            _phase = Phase.UntilClose;
        }
    }

    private void ChunkSize(ReadOnlySpan<byte> line)
    {
        var semicolon = line.IndexOf((byte)';');
        var digits = (semicolon < 0 ? line : line[..semicolon]).Trim(" \t"u8);
        if (digits.IsEmpty || digits.Length > 15 || !Utf8Parser.TryParse(digits, out ulong size, out var used, 'X') || used != digits.Length)
        {
            Fail(HttpParseError.Malformed, $"invalid chunk size '{Printable(line)}'");
            return;
        }

        _remaining = (long)size;
        _phase = size == 0 ? Phase.Trailers : Phase.ChunkData;
    }

    private static bool ThreeDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private void Fail(HttpParseError error, string detail)
    {
        Error = error;
        ErrorDetail = detail;
        _phase = Phase.Failed;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    // Untrusted bytes in a log line: at most 80 of them, control characters and non-ASCII shown as '?'.
    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var shown = bytes[..Math.Min(bytes.Length, 80)];
        return string.Create(shown.Length, shown.ToArray(), static (chars, b) =>
        {
            for (var i = 0; i < b.Length; i++)
            {
                chars[i] = b[i] is >= 0x20 and < 0x7f ? (char)b[i] : '?';
            }
        }) + (bytes.Length > shown.Length ? "…" : "");
    }
}
