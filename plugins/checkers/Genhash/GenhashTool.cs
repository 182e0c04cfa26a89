using System.Diagnostics;
using System.Globalization;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Tools;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Checkers.Checkers;
using Vigil.Plugins.Checkers.Http;
using Vigil.Plugins.Checkers.Tls;

namespace Vigil.Plugins.Checkers.Genhash;

/// <summary>
/// <c>vigil genhash -s IP -p PORT -u PATH [-S] [-I] [-V VHOST] [-v]</c>, keepalived's genhash: fetches the page as
/// HTTP_GET (or, with <c>-S</c>, SSL_GET) would, through the same client, and prints the body's digest, the value a
/// url's <c>digest</c> takes. <c>-v</c> also prints the answer's head and the response time. Exit 0 printed, 1 failed
/// (the reason on standard error), 2 usage.
/// </summary>
public sealed class GenhashTool : ICommandLineTool
{
    private const string Delimiter = "-----------------------[{0}]-----------------------";

    /// <inheritdoc />
    public string Name => "genhash";

    /// <inheritdoc />
    public string Description => "Print the MD5 digest of a web page's body for HTTP_GET/SSL_GET's digest";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (GenhashOptions.Parse(arguments, out var problem) is not { } options)
        {
            if (problem.Length > 0)
            {
                await error.WriteLineAsync(problem).ConfigureAwait(false);
            }

            await error.WriteLineAsync(GenhashOptions.Usage).ConfigureAwait(false);
            return problem.Length > 0 ? 2 : 0;
        }

        var settings = Settings(options);
        var spec = new HttpGetSpec([new HttpUrl(options.Path, StatusCodeSet.Default, null, options.VirtualHost)], options.Protocol, options.Sni);
        var url = UrlRequests.For(settings, spec, options.Ssl ? TlsTrust.None : null, TimeProvider.System)[0];
        using var digest = new BodyDigest();
        var head = new HeadPrinter(options.Verbose ? output : null);
        var parser = new HttpResponseParser();
        var watch = Stopwatch.StartNew();
        var failure = await HttpFetcher.FetchAsync(settings, url, parser, new BodyInspector(digest, null, null, head), cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            await error.WriteLineAsync(failure.Detail).ConfigureAwait(false);
            return 1;
        }

        var hash = digest.Finish();
        if (options.Verbose)
        {
            await output.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, Delimiter, " HTML hash final resulting ")).ConfigureAwait(false);
        }

        await output.WriteLineAsync(hash).ConfigureAwait(false);
        if (options.Verbose)
        {
            var micros = (long)watch.Elapsed.TotalMicroseconds;
            await output.WriteLineAsync($"\nGlobal response time for [{options.Path}] = {micros.ToString(CultureInfo.InvariantCulture)} usecs").ConfigureAwait(false);
        }

        return 0;
    }

    private static CheckSettings Settings(GenhashOptions options)
    {
        var server = new RealServerKey(options.Server.Address, options.Server.Port);
        var context = new CheckContext(VirtualServerKey.ForEndpoint(options.Server.Address, options.Server.Port), server, TransportProtocol.Tcp, 1, options.VirtualHost);
        var once = new CheckSchedule(options.Timeout, TimeSpan.Zero, 0, TimeSpan.Zero, false, false, false);
        return new CheckSettings(context, options.Server, null, null, options.Fwmark, options.Timeout, once);
    }

    /// <summary>Prints the head as keepalived's genhash -v does; the body only counts towards the digest.</summary>
    private sealed class HeadPrinter(TextWriter? output) : IHttpBodySink
    {
        private bool _started;

        public void HeadLine(ReadOnlySpan<byte> line)
        {
            if (output is null)
            {
                return;
            }

            if (!_started)
            {
                _started = true;
                output.WriteLine(string.Format(CultureInfo.InvariantCulture, Delimiter, " HTTP Header Ascii Buffer "));
            }

            output.WriteLine(System.Text.Encoding.Latin1.GetString(line));
        }

        public void Body(ReadOnlySpan<byte> bytes)
        {
        }
    }
}
