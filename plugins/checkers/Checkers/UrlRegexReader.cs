using System.Text.RegularExpressions;
using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Checkers.Http;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>Reads a url's <c>regex</c>, <c>regex_no_match</c>, <c>regex_options</c>, <c>regex_min_offset</c> and <c>regex_max_offset</c>.</summary>
internal static class UrlRegexReader
{
    private static readonly string[] Companions = ["regex_no_match", "regex_options", "regex_min_offset", "regex_max_offset"];

    /// <summary>The url's regex, or null when it has none or it is reported.</summary>
    public static BodyRegex? Read(ConfigBlock url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var min = url.Long("regex_min_offset", 0, long.MaxValue);
        var max = url.Long("regex_max_offset", 0, long.MaxValue);
        var noMatch = url.Flag("regex_no_match");
        var options = RegexOptions.None;
        if (url.String("regex_options") is { } words && !BodyRegex.TryParseOptions(ConfigValueParser.Words(words), out options, out var optionError))
        {
            url.Error("regex_options", $"{optionError} in {url.Context}");
        }

        if (url.String("regex") is not { } pattern)
        {
            foreach (var companion in Companions.Where(url.Has))
            {
                url.Warning(companion, $"{companion} without regex in {url.Context} is ignored");
            }

            return null;
        }

        if (min is { } low && max is { } high && low > high)
        {
            // keepalived's reading: both offsets are dropped.
            url.Warning("regex_min_offset", $"regex_min_offset {low} is beyond regex_max_offset {high} in {url.Context}; both are ignored");
            min = null;
            max = null;
        }

        if (!BodyRegex.TryCompile(pattern, options, out var regex, out var error))
        {
            url.Error("regex", $"invalid regex '{pattern}' in {url.Context}: {error}");
            return null;
        }

        return new BodyRegex(regex!, noMatch, min ?? 0, max);
    }
}
