using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Vigil.Abstractions.Checks;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>
/// One HTTP_GET probe: each url in turn over a fresh connection (opened by <see cref="ProbeConnector"/>, so
/// <c>bindto</c>, <c>bind_if</c> and <c>fwmark</c> apply), the first failing url failing the probe.
/// </summary>
internal sealed class HttpGetCheck : IHealthCheck
{
    /// <summary>The most body read for a digest: a health page is small, and a server streaming without end must not hold the probe.</summary>
    public const int MaxBodyBytes = 1 << 20;

    private readonly CheckSettings _settings;
    private readonly HttpGetSpec _spec;
    private readonly HttpMessageInvoker _client;

    public HttpGetCheck(CheckSettings settings, HttpGetSpec spec)
    {
        _settings = settings;
        _spec = spec;
        _client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectCallback = async (_, token) => new NetworkStream(await ProbeConnector.ConnectAsync(settings, token).ConfigureAwait(false), ownsSocket: true),
            // A probe proves the server takes new connections: none is kept for the next one.
            PooledConnectionLifetime = TimeSpan.Zero,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        });
    }

    /// <inheritdoc />
    public async ValueTask<CheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        CheckResult? last = null;
        foreach (var url in _spec.Urls)
        {
            last = await GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (!last.Healthy)
            {
                return last;
            }
        }

        return last ?? CheckResult.Fail(CheckFailureKind.Error, "no url to check");
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<CheckResult> GetAsync(HttpUrl url, CancellationToken cancellationToken)
    {
        var target = $"http://{Authority(_settings.Connect)}{url.Path}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(target))
        {
            Version = _spec.Protocol.Version,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.TryAddWithoutValidation("User-Agent", "KeepAliveClient");
        if (url.VirtualHost is { } host)
        {
            request.Headers.Host = host;
        }

        if (_spec.Protocol.Close)
        {
            request.Headers.ConnectionClose = true;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.ConnectTimeout);
        try
        {
            using var response = await _client.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (!url.Statuses.Contains(status))
            {
                return CheckResult.Fail(CheckFailureKind.BadStatus, $"GET {target} answered {status.ToString(CultureInfo.InvariantCulture)}, expected {url.Statuses}", status);
            }

            if (url.Digest is { } expected)
            {
                var digest = await DigestAsync(response.Content, timeout.Token).ConfigureAwait(false);
                if (digest is null)
                {
                    return CheckResult.Fail(CheckFailureKind.BadResponse, $"GET {target}: body longer than {MaxBodyBytes.ToString(CultureInfo.InvariantCulture)} bytes");
                }

                if (digest != expected)
                {
                    return CheckResult.Fail(CheckFailureKind.DigestMismatch, $"GET {target}: body MD5 {digest}, expected {expected}");
                }
            }

            return CheckResult.Pass($"GET {target} answered {status.ToString(CultureInfo.InvariantCulture)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Fail(CheckFailureKind.Timeout, $"GET {target}: no complete answer within {ProbeConnector.Seconds(_settings.ConnectTimeout)} s");
        }
        catch (HttpRequestException e) when (Find<ProbeFailedException>(e) is { } failed)
        {
            return failed.Result;
        }
        catch (HttpRequestException e) when (Find<SocketException>(e) is { } socket)
        {
            return SocketFailures.Result(socket, $"GET {target}");
        }
        catch (HttpRequestException e)
        {
            var kind = e.HttpRequestError is HttpRequestError.ResponseEnded ? CheckFailureKind.Reset : CheckFailureKind.BadResponse;
            return CheckResult.Fail(kind, $"GET {target}: {e.Message}");
        }
        catch (IOException e)
        {
            return Find<SocketException>(e) is { } socket
                ? SocketFailures.Result(socket, $"GET {target}")
                : CheckResult.Fail(CheckFailureKind.Reset, $"GET {target}: {e.Message}");
        }
    }

    // The body's MD5 in lower-case hex, or null when it is longer than MaxBodyBytes.
    private static async Task<string?> DigestAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[16 * 1024];
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > MaxBodyBytes)
                {
                    return null;
                }

                md5.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    private static string Authority(IPEndPoint endpoint) =>
        endpoint.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{endpoint.Address}]:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}"
            : $"{endpoint.Address}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}";

    private static T? Find<T>(Exception e)
        where T : Exception
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is T found)
            {
                return found;
            }
        }

        return null;
    }
}
