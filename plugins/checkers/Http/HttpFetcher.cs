using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.RegularExpressions;
using Vigil.Abstractions.Checks;
using Vigil.Plugins.Checkers.Checkers;

namespace Vigil.Plugins.Checkers.Http;

/// <summary>
/// One GET of one url, start to end: connect (through <see cref="ProbeConnector"/>, so <c>bindto</c>, <c>bind_if</c>
/// and <c>fwmark</c> apply), the TLS handshake for SSL_GET, then <see cref="HttpExchange"/>, all within one
/// <c>connect_timeout</c>. Every failure becomes a result naming its kind and where it happened. HTTP_GET, SSL_GET and
/// genhash fetch through it.
/// </summary>
internal static class HttpFetcher
{
    private enum Stage
    {
        Connect,
        Handshake,
        Answer,
    }

    /// <summary>
    /// Fetches <paramref name="url"/>; null when the answer was read (<paramref name="parser"/> holds its status, the
    /// inspector what it saw), else the failure. Only <paramref name="cancellationToken"/> ends it otherwise.
    /// </summary>
    public static async ValueTask<CheckResult?> FetchAsync(
        CheckSettings settings, UrlRequest url, HttpResponseParser parser, BodyInspector inspector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parser);
        parser.Reset();
        var stage = Stage.Connect;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(HttpExchange.BufferBytes);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.ConnectTimeout);
        Stream? stream = null;
        try
        {
            stream = new NetworkStream(await ProbeConnector.ConnectAsync(settings, deadline.Token).ConfigureAwait(false), ownsSocket: true);
            if (url.Tls is { } tls)
            {
                stage = Stage.Handshake;
                stream = await tls.AuthenticateAsync(stream, deadline.Token).ConfigureAwait(false);
            }

            stage = Stage.Answer;
            var failure = await HttpExchange.RunAsync(stream, url.Request, parser, inspector, buffer.AsMemory(0, HttpExchange.BufferBytes), url.What, deadline.Token).ConfigureAwait(false);
            if (url.TlsCompliant && stream is SslStream ssl)
            {
                await ssl.ShutdownAsync().ConfigureAwait(false);
            }

            return failure;
        }
        catch (ProbeFailedException e)
        {
            return e.Result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = ProbeConnector.Seconds(settings.ConnectTimeout);
            return CheckResult.Fail(CheckFailureKind.Timeout, stage switch
            {
                Stage.Connect => $"connect to {settings.Connect} timed out after {seconds} s",
                Stage.Handshake => $"TLS handshake with {settings.Connect} timed out after {seconds} s",
                _ => $"{url.What}: no complete answer within {seconds} s",
            });
        }
        catch (Exception e) when (stage == Stage.Handshake && e is AuthenticationException or IOException)
        {
            var reason = url.Tls?.VerificationFailure ?? $"handshake failed: {Innermost(e)}";
            return CheckResult.Fail(CheckFailureKind.TlsError, $"TLS with {settings.Connect}: {reason}");
        }
        catch (IOException e)
        {
            return e.InnerException is SocketException socket
                ? SocketFailures.Result(socket, url.What)
                : CheckResult.Fail(CheckFailureKind.Reset, $"{url.What}: {e.Message}");
        }
        catch (SocketException e)
        {
            return SocketFailures.Result(e, url.What);
        }
        catch (RegexMatchTimeoutException)
        {
            return CheckResult.Fail(CheckFailureKind.BadResponse, $"{url.What}: regex ran longer than {BodyRegex.MatchTimeout.TotalMilliseconds} ms on the body");
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message;
    }
}
