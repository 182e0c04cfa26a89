using System.Diagnostics;
using System.Globalization;

namespace Vigil.Demo;

/// <summary>
/// The demo's client (<c>vigil-demo client</c>): requests the URL every interval on a fresh connection with a
/// short timeout, and prints one line per request (see <see cref="ClientRecord"/>).
/// </summary>
internal static class DemoHttpClient
{
    /// <summary>Requests until cancelled.</summary>
    public static async Task<int> RunAsync(Uri url, TimeSpan interval, TimeSpan timeout, TextWriter output, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero, ConnectTimeout = timeout, UseProxy = false };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                output.WriteLine(await RequestOnceAsync(http, url, timeout, cancellationToken).ConfigureAwait(false));
                output.Flush();
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Stopped by SIGTERM or SIGINT.
        }

        return 0;
    }

    /// <summary>Who answered: NAME from "served by NAME", else the whole answer (a sorry server's).</summary>
    public static string Answerer(string body) =>
        body.StartsWith(DemoWebServer.ServedByPrefix, StringComparison.Ordinal) ? body[DemoWebServer.ServedByPrefix.Length..] : body;

    private static async Task<string> RequestOnceAsync(HttpClient http, Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var sent = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var watch = Stopwatch.StartNew();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        ClientRecord record;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.ConnectionClose = true;
            using var response = await http.SendAsync(request, deadline.Token).ConfigureAwait(false);
            var body = (await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false)).Trim();
            record = response.IsSuccessStatusCode && body.Length > 0
                ? new ClientRecord(sent, true, watch.ElapsedMilliseconds, Answerer(body))
                : new ClientRecord(sent, false, watch.ElapsedMilliseconds, $"http-{(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            record = new ClientRecord(sent, false, watch.ElapsedMilliseconds, "timeout");
        }
        catch (HttpRequestException e)
        {
            record = new ClientRecord(sent, false, watch.ElapsedMilliseconds, e.HttpRequestError.ToString().ToLowerInvariant());
        }

        return record.ToString();
    }
}
