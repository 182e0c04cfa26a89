using System.Buffers;
using System.Globalization;
using Vigil.Abstractions.Checks;
using Vigil.Plugins.Checkers.Http;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>
/// One HTTP_GET or SSL_GET probe: each url in turn over a fresh connection (<see cref="HttpFetcher"/>), the first
/// failing url failing the probe. A url passes on an accepted status, then the configured digest, then the regex, the
/// order keepalived checks them in. Requests are built once; buffers are pooled; a passing result is reused while the
/// answer stays the same, so a healthy server costs no allocation beyond the connection's.
/// </summary>
internal sealed class HttpGetCheck : IHealthCheck
{
    private readonly CheckSettings _settings;
    private readonly UrlRequest[] _urls;
    private readonly CheckResult?[] _passes;
    private readonly HttpResponseParser _parser = new();
    private readonly BodyDigest? _digest;

    /// <summary>A check of <paramref name="urls"/>, prepared for the target of <paramref name="settings"/>.</summary>
    public HttpGetCheck(CheckSettings settings, IReadOnlyList<UrlRequest> urls)
    {
        _settings = settings;
        _urls = [.. urls];
        _passes = new CheckResult?[_urls.Length];
        _digest = _urls.Any(u => u.Url.Digest is not null) ? new BodyDigest() : null;
    }

    /// <inheritdoc />
    public async ValueTask<CheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        CheckResult? last = null;
        for (var i = 0; i < _urls.Length; i++)
        {
            last = await GetAsync(i, cancellationToken).ConfigureAwait(false);
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
        _digest?.Dispose();
        return ValueTask.CompletedTask;
    }

    private async ValueTask<CheckResult> GetAsync(int index, CancellationToken cancellationToken)
    {
        var url = _urls[index];
        var digest = url.Url.Digest is null ? null : _digest;
        var window = url.Url.Regex is null ? null : ArrayPool<char>.Shared.Rent(BodyRegexMatcher.WindowChars);
        try
        {
            var matcher = window is null ? null : new BodyRegexMatcher(url.Url.Regex!, window);
            var inspector = new BodyInspector(digest, matcher, url.Url.Statuses);
            var failure = await HttpFetcher.FetchAsync(_settings, url, _parser, inspector, cancellationToken).ConfigureAwait(false);
            var body = digest?.Finish();
            return failure ?? Verdict(index, body, matcher);
        }
        finally
        {
            if (window is not null)
            {
                ArrayPool<char>.Shared.Return(window);
            }
        }
    }

    private CheckResult Verdict(int index, string? digest, BodyRegexMatcher? matcher)
    {
        var url = _urls[index];
        var status = _parser.Status;
        if (!url.Url.Statuses.Contains(status))
        {
            return CheckResult.Fail(CheckFailureKind.BadStatus, $"{url.What} answered {Text(status)}, expected {url.Url.Statuses}", status);
        }

        if (digest is not null && digest != url.Url.Digest)
        {
            return CheckResult.Fail(CheckFailureKind.DigestMismatch, $"{url.What}: body MD5 {digest}, expected {url.Url.Digest}");
        }

        if (url.Url.Regex is { } regex && matcher!.Finish() == regex.NoMatch)
        {
            return CheckResult.Fail(CheckFailureKind.BadResponse, regex.NoMatch
                ? $"{url.What}: body matches regex '{regex.Pattern}' (regex_no_match)"
                : $"{url.What}: body does not match regex '{regex.Pattern}'{Range(regex)}");
        }

        if (_passes[index] is { Code: var code } pass && code == status)
        {
            return pass;
        }

        // Code carries the status so an unchanged answer finds its cached result.
        return _passes[index] = new CheckResult(true, null, $"{url.What} answered {Text(status)}", status);
    }

    private static string Range(BodyRegex regex) =>
        regex.MinOffset == 0 && regex.MaxOffset is null ? "" : $" starting at offsets {Text(regex.MinOffset)}-{(regex.MaxOffset is { } max ? Text(max) : "")}";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
