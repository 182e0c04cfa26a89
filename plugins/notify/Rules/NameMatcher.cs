using System.Text.RegularExpressions;

namespace Vigil.Plugins.Notify.Rules;

/// <summary>Matches a name exactly or against a shell-style glob (<c>VI_*</c>, <c>10.0.0.?</c>).</summary>
internal sealed class NameMatcher
{
    private readonly Regex? _glob;
    private readonly string _text;

    private NameMatcher(string text, bool glob)
    {
        _text = text;
        if (glob && (text.Contains('*', StringComparison.Ordinal) || text.Contains('?', StringComparison.Ordinal)))
        {
            var pattern = "^" + Regex.Escape(text).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
            _glob = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>A matcher for exactly <paramref name="name"/> (keepalived's own blocks name one instance or server).</summary>
    public static NameMatcher Exact(string name) => new(Normalize(name), glob: false);

    /// <summary>A matcher for a glob written in a rule.</summary>
    public static NameMatcher Glob(string pattern) => new(Normalize(pattern), glob: true);

    public bool IsMatch(string? name)
    {
        if (name is null)
        {
            return false;
        }

        var normalized = Normalize(name);
        return _glob?.IsMatch(normalized) ?? string.Equals(_text, normalized, StringComparison.Ordinal);
    }

    public override string ToString() => _text;

    // "10.0.0.1  80" and "10.0.0.1 80" name the same server.
    private static string Normalize(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
