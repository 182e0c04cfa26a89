using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Vigil.Plugins.Checkers.Http;

/// <summary>
/// A url's <c>regex</c> with keepalived's companions: <c>regex_no_match</c> (a match fails the check),
/// <c>regex_min_offset</c> (where in the body matching starts) and <c>regex_max_offset</c> (the last body offset a match
/// may start at). The body is read as Latin-1, one character per byte, as keepalived's PCRE2 matches bytes.
/// </summary>
/// <param name="Pattern">The compiled pattern.</param>
/// <param name="NoMatch">True when a match fails the check.</param>
/// <param name="MinOffset">The first body offset a match may start at.</param>
/// <param name="MaxOffset">The last body offset a match may start at, or null for anywhere.</param>
internal sealed record BodyRegex(Regex Pattern, bool NoMatch, long MinOffset, long? MaxOffset)
{
    /// <summary>The longest a backtracking pattern may run on one window before the check fails.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    // keepalived's regex_options (PCRE2 names) that .NET can honour; the others are refused by name.
    private static readonly Dictionary<string, RegexOptions> Options = new(StringComparer.Ordinal)
    {
        ["caseless"] = RegexOptions.IgnoreCase,
        ["multiline"] = RegexOptions.Multiline,
        ["dotall"] = RegexOptions.Singleline,
        ["extended"] = RegexOptions.IgnorePatternWhitespace,
        ["no_auto_capture"] = RegexOptions.ExplicitCapture,

        // Optimisation and Unicode switches without effect on a byte-per-character subject.
        ["no_auto_possess"] = RegexOptions.None,
        ["no_start_optimize"] = RegexOptions.None,
        ["no_dotstar_anchor"] = RegexOptions.None,
        ["never_ucp"] = RegexOptions.None,
        ["never_utf"] = RegexOptions.None,
        ["dupnames"] = RegexOptions.None,
    };

    private static readonly HashSet<string> Refused = new(StringComparer.Ordinal)
    {
        "allow_empty_class", "alt_bsux", "auto_callout", "dollar_endonly", "firstline", "match_unset_backref", "ucp",
        "ungreedy", "utf", "never_backslash_c", "alt_circumflex", "alt_verbnames", "use_offset_limit",
    };

    private static readonly ConcurrentDictionary<(string, RegexOptions), Regex> Cache = new();

    /// <summary>The options keepalived names that Vigil supports, for messages.</summary>
    public static IEnumerable<string> SupportedOptions => Options.Keys.Order(StringComparer.Ordinal);

    /// <summary>
    /// Parses <c>regex_options</c> words into .NET options; false with the reason for a word keepalived does not know or
    /// one .NET cannot honour.
    /// </summary>
    public static bool TryParseOptions(IEnumerable<string> words, out RegexOptions options, out string error)
    {
        ArgumentNullException.ThrowIfNull(words);
        options = RegexOptions.None;
        foreach (var word in words)
        {
            if (Options.TryGetValue(word, out var option))
            {
                options |= option;
            }
            else
            {
                error = Refused.Contains(word)
                    ? $"regex option '{word}' is not supported (supported: {string.Join(' ', SupportedOptions)})"
                    : $"unknown regex option '{word}'";
                return false;
            }
        }

        error = "";
        return true;
    }

    /// <summary>
    /// Compiles <paramref name="pattern"/>: with .NET's non-backtracking engine, which runs in linear time whatever the
    /// body, when the pattern allows it (no lookarounds, backreferences or atomic groups), else with backtracking under
    /// <see cref="MatchTimeout"/>. One instance per pattern and options, shared by every check. False with the reason
    /// for an invalid pattern.
    /// </summary>
    public static bool TryCompile(string pattern, RegexOptions options, out Regex? regex, out string error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        error = "";
        options |= RegexOptions.CultureInvariant;
        if (Cache.TryGetValue((pattern, options), out regex))
        {
            return true;
        }

        try
        {
            try
            {
                regex = new Regex(pattern, options | RegexOptions.NonBacktracking, MatchTimeout);
            }
            catch (NotSupportedException)
            {
                regex = new Regex(pattern, options, MatchTimeout);
            }
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            regex = null;
            return false;
        }

        regex = Cache.GetOrAdd((pattern, options), regex);
        return true;
    }
}
