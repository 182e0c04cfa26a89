using System.Globalization;
using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.Checkers.Http;

/// <summary>
/// Sends one request on a connected stream and reads the answer through a fixed buffer into a
/// <see cref="HttpResponseParser"/>, stopping as soon as nothing more can change the verdict: after the head when the
/// body does not matter, at the body's end, or at <see cref="MaxBodyBytes"/>.
/// </summary>
internal static class HttpExchange
{
    /// <summary>The receive buffer: the longest head line or chunk-size line an answer may have.</summary>
    public const int BufferBytes = 4096;

    /// <summary>The most body read for a digest or a regex: a health page is small, and a server streaming without end must not hold the probe.</summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <summary>
    /// Sends <paramref name="request"/> and reads the answer; null when it was read far enough (the parser holds it), else
    /// the failure. The caller's <paramref name="cancellationToken"/> carries the deadline; socket errors are thrown.
    /// </summary>
    public static async ValueTask<CheckResult?> RunAsync(
        Stream stream, ReadOnlyMemory<byte> request, HttpResponseParser parser, BodyInspector inspector, Memory<byte> buffer, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(parser);
        ArgumentNullException.ThrowIfNull(inspector);
        await stream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        var filled = 0;
        while (!parser.IsFinished && !(parser.HeadComplete && !inspector.WantsBody(parser.Status)))
        {
            if (filled == buffer.Length)
            {
                return CheckResult.Fail(CheckFailureKind.BadResponse, $"{what}: a header or chunk line longer than {buffer.Length.ToString(CultureInfo.InvariantCulture)} bytes");
            }

            var read = await stream.ReadAsync(buffer[filled..], cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                parser.Finish();
                break;
            }

            filled += read;
            var consumed = parser.Parse(buffer.Span[..filled], inspector);
            buffer.Span[consumed..filled].CopyTo(buffer.Span);
            filled -= consumed;
            if (parser.BodyBytes > MaxBodyBytes)
            {
                return CheckResult.Fail(CheckFailureKind.BadResponse, $"{what}: body longer than {MaxBodyBytes.ToString(CultureInfo.InvariantCulture)} bytes");
            }
        }

        return parser.Error switch
        {
            HttpParseError.Malformed => CheckResult.Fail(CheckFailureKind.BadResponse, $"{what}: {parser.ErrorDetail}"),
            HttpParseError.Truncated => CheckResult.Fail(CheckFailureKind.Reset, $"{what}: {parser.ErrorDetail}"),
            _ => null,
        };
    }
}
