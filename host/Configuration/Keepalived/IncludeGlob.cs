using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Host.Configuration.Keepalived;

/// <summary>
/// Expands an <c>include</c> pattern like glob(3) with GLOB_BRACE: csh-style braces first, then <c>*</c>, <c>?</c>
/// and <c>[…]</c> per path segment, matches sorted, hidden files matched only by patterns that start with a dot.
/// Paths keep the form they were given in (relative stays relative), so messages show what the user wrote.
/// </summary>
internal static class IncludeGlob
{
    /// <summary>True when <paramref name="pattern"/> holds a glob wildcard.</summary>
    public static bool HasWildcard(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>
    /// The files <paramref name="pattern"/> names, relative to <paramref name="baseDirectory"/> when it is relative.
    /// A pattern without wildcards names its file whether or not it exists, so the reader can say why it cannot be read.
    /// </summary>
    public static IReadOnlyList<string> Expand(string pattern, string baseDirectory)
    {
        var results = new List<string>();
        foreach (var alternative in ExpandBraces(pattern))
        {
            var path = Path.Combine(baseDirectory, alternative);
            if (HasWildcard(path))
            {
                results.AddRange(Match(path));
            }
            else if (File.Exists(path) || !HasWildcard(pattern))
            {
                results.Add(path);
            }
        }

        return results.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Expands the first top-level <c>{a,b}</c> and recurses; braces without a comma stay literal.</summary>
    public static IEnumerable<string> ExpandBraces(string pattern)
    {
        var open = -1;
        var depth = 0;
        var commas = new List<int>();
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '{':
                    if (depth++ == 0)
                    {
                        open = i;
                        commas.Clear();
                    }

                    break;
                case ',' when depth == 1:
                    commas.Add(i);
                    break;
                case '}' when depth > 0:
                    if (--depth == 0 && commas.Count > 0)
                    {
                        return Alternatives(pattern, open, i, commas);
                    }

                    break;
            }
        }

        return [pattern];
    }

    private static IEnumerable<string> Alternatives(string pattern, int open, int close, List<int> commas)
    {
        var prefix = pattern[..open];
        var suffix = pattern[(close + 1)..];
        var bounds = new List<int> { open };
        bounds.AddRange(commas);
        bounds.Add(close);
        for (var k = 0; k + 1 < bounds.Count; k++)
        {
            var middle = pattern[(bounds[k] + 1)..bounds[k + 1]];
            foreach (var expanded in ExpandBraces(prefix + middle + suffix))
            {
                yield return expanded;
            }
        }
    }

    private static IEnumerable<string> Match(string path)
    {
        var absolute = path.StartsWith('/');
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        IEnumerable<string> current = [absolute ? "/" : ""];
        for (var s = 0; s < segments.Length; s++)
        {
            var segment = segments[s];
            var last = s == segments.Length - 1;
            current = HasWildcard(segment)
                ? current.SelectMany(dir => Entries(dir, segment, last)).ToList()
                : current.Select(dir => Path.Combine(dir, segment)).Where(p => last ? File.Exists(p) : Directory.Exists(p)).ToList();
        }

        return current;
    }

    private static IEnumerable<string> Entries(string directory, string segment, bool files)
    {
        var where = directory.Length == 0 ? "." : directory;
        if (!Directory.Exists(where))
        {
            return [];
        }

        var regex = ToRegex(segment);
        try
        {
            var names = (files ? Directory.EnumerateFiles(where) : Directory.EnumerateDirectories(where))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(name => (segment.StartsWith('.') || !name.StartsWith('.')) && regex.IsMatch(name))
                .Order(StringComparer.Ordinal);
            return names.Select(name => Path.Combine(directory, name)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static Regex ToRegex(string segment)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            var close = c == '[' && i + 2 < segment.Length ? segment.IndexOf(']', i + 2) : -1;
            if (c == '*')
            {
                pattern.Append(".*");
            }
            else if (c == '?')
            {
                pattern.Append('.');
            }
            else if (close > 0)
            {
                var set = segment[(i + 1)..close];
                var negate = set.StartsWith('!') || set.StartsWith('^');
                pattern.Append(negate ? "[^" : "[").Append(set[(negate ? 1 : 0)..].Replace("\\", "\\\\").Replace("[", "\\[")).Append(']');
                i = close;
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
