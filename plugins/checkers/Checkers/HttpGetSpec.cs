using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>An HTTP_GET block read: its urls and protocol. One reader validates and builds, so both agree.</summary>
/// <param name="Urls">The urls, every one of which must pass, in order.</param>
/// <param name="Protocol">The request's protocol.</param>
internal sealed record HttpGetSpec(IReadOnlyList<HttpUrl> Urls, HttpProtocol Protocol)
{
    /// <summary>The keywords of a <c>url</c> block.</summary>
    public static readonly IReadOnlySet<string> UrlKeywords = new HashSet<string>(["path", "digest", "status_code", "virtualhost"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads <paramref name="block"/>, reporting every problem; <paramref name="inheritedHost"/> is the servers' <c>virtualhost</c>.</summary>
    public static HttpGetSpec Read(ConfigBlock block, string? inheritedHost)
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

        var host = block.String("virtualhost") ?? inheritedHost;
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
            block.Report.CheckKeywords(blocks[i], context, UrlKeywords);
            urls.Add(ReadUrl(url, host));
        }

        return new HttpGetSpec(urls, protocol);
    }

    private static HttpUrl ReadUrl(ConfigBlock url, string? host)
    {
        var path = url.String("path")?.Trim();
        if (string.IsNullOrEmpty(path) || !path.StartsWith('/'))
        {
            url.Error("path", path is null ? $"{url.Context} needs a path" : $"invalid path '{path}' in {url.Context} (expected /…)");
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

        return new HttpUrl(path, statuses, digest, url.String("virtualhost") ?? host);
    }
}
