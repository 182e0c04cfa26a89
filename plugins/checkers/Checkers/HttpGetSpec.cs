using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Checkers.Http;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>An HTTP_GET or SSL_GET block read: its urls, protocol and TLS choices. One reader validates and builds, so both agree.</summary>
/// <param name="Urls">The urls, every one of which must pass, in order.</param>
/// <param name="Protocol">The request's protocol.</param>
/// <param name="Sni">SSL_GET's <c>enable_sni</c>.</param>
/// <param name="SniName">SSL_GET's <c>sni_name</c>: the name sent instead of the url's virtual host.</param>
/// <param name="TlsCompliant">SSL_GET's <c>tls_compliant</c>.</param>
internal sealed record HttpGetSpec(IReadOnlyList<HttpUrl> Urls, HttpProtocol Protocol, bool Sni = false, string? SniName = null, bool TlsCompliant = false)
{
    /// <summary>
    /// The keywords of HTTP_GET's own block. <c>fast_recovery</c> is validated and changes nothing: keepalived checks one
    /// url per <c>delay_loop</c> while a server recovers unless it is set, and Vigil always checks every url in one probe.
    /// </summary>
    public static readonly IReadOnlyList<string> HttpKeywords = ["url", "virtualhost", "http_protocol", "fast_recovery"];

    /// <summary>The keywords SSL_GET adds.</summary>
    public static readonly IReadOnlyList<string> TlsKeywords = ["enable_sni", "sni_name", "tls_compliant"];

    /// <summary>The keywords of a <c>url</c> block.</summary>
    public static readonly IReadOnlySet<string> UrlKeywords = new HashSet<string>(
        ["path", "digest", "status_code", "virtualhost", "regex", "regex_no_match", "regex_options", "regex_min_offset", "regex_max_offset"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly IReadOnlySet<string> TlsUrlKeywords = new HashSet<string>([.. UrlKeywords, "tls_compliant"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads <paramref name="block"/>, reporting every problem; <paramref name="inheritedHost"/> is the servers' <c>virtualhost</c>.</summary>
    public static HttpGetSpec Read(ConfigBlock block, string? inheritedHost, bool tls = false)
    {
        ArgumentNullException.ThrowIfNull(block);
        var protocol = HttpProtocol.Default;
        if (block.String("http_protocol") is { } protocolText)
        {
            if (HttpProtocol.Parse(protocolText) is { } parsed)
            {
                protocol = parsed;
            }
            else
            {
                block.Error("http_protocol", $"invalid http_protocol '{protocolText}' in {block.Context} (expected 1.0, 1.0C, 1.0K or 1.1)");
            }
        }

        block.OptionalFlag("fast_recovery");
        var host = HostName(block, "virtualhost") ?? inheritedHost;
        var sniName = tls ? HostName(block, "sni_name") : null;
        var section = block.Section.GetSection("url");
        if (!section.Exists())
        {
            block.Error("url", $"{block.Context} needs at least one url block");
            return new HttpGetSpec([], protocol);
        }

        var urls = new List<HttpUrl>();
        var blocks = ConfigSections.Blocks(section);
        for (var i = 0; i < blocks.Count; i++)
        {
            var context = blocks.Count == 1 ? $"url of {block.Context}" : $"url {i + 1} of {block.Context}";
            var url = new ConfigBlock(blocks[i], context, block.Report);
            block.Report.CheckKeywords(blocks[i], context, tls ? TlsUrlKeywords : UrlKeywords);
            urls.Add(ReadUrl(url, host));
        }

        return new HttpGetSpec(urls, protocol, tls && block.Flag("enable_sni"), sniName, tls && block.Flag("tls_compliant"));
    }

    private static HttpUrl ReadUrl(ConfigBlock url, string? host)
    {
        var path = url.String("path")?.Trim();
        if (string.IsNullOrEmpty(path) || !path.StartsWith('/') || !HttpRequestText.IsToken(path))
        {
            url.Error("path", path is null ? $"{url.Context} needs a path" : $"invalid path '{path}' in {url.Context} (expected /… without spaces)");
            path = "/";
        }

        var statuses = StatusCodeSet.Default;
        if (url.String("status_code") is { } codes && !StatusCodeSet.TryParse(codes, out statuses, out var error))
        {
            url.Error("status_code", $"invalid status_code '{codes}' in {url.Context}: {error}");
        }

        var digest = url.String("digest")?.Trim().ToLowerInvariant();
        if (digest is not null && (digest.Length != 32 || !digest.All(char.IsAsciiHexDigit)))
        {
            url.Error("digest", $"invalid digest '{url.String("digest")}' in {url.Context} (expected the body's MD5, 32 hex digits)");
            digest = null;
        }

        return new HttpUrl(path, statuses, digest, HostName(url, "virtualhost") ?? host, UrlRegexReader.Read(url), url.Flag("tls_compliant"));
    }

    private static string? HostName(ConfigBlock block, string key)
    {
        var name = block.String(key)?.Trim();
        if (name is not null && !HttpRequestText.IsToken(name))
        {
            block.Error(key, $"invalid {key} '{name}' in {block.Context} (expected a host name without spaces)");
            return null;
        }

        return name;
    }
}
