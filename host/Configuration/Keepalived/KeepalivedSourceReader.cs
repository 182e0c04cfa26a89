using System.Text.RegularExpressions;
using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Configuration.Keepalived;

/// <summary>
/// Reads a keepalived.conf and everything it includes into one token stream, applying what keepalived applies
/// line by line before parsing: <c>@id</c>/<c>@^id</c> conditional lines, <c>$NAME=value</c> definitions with
/// <c>$NAME</c>/<c>${NAME}</c> substitution, and the <c>include</c> family (globs relative to the including file).
/// </summary>
internal sealed partial class KeepalivedSourceReader
{
    private readonly ConfigTree _tree;
    private readonly string _configId;
    private readonly List<KeepalivedToken> _tokens = [];
    private readonly Dictionary<string, string> _definitions = new(StringComparer.Ordinal);
    private readonly List<(string Full, string Shown)> _open = [];
    private bool _inMultiLineDefinition;

    /// <summary>Reads into <paramref name="tree"/> (files and issues); <paramref name="configId"/> decides <c>@</c> lines.</summary>
    public KeepalivedSourceReader(ConfigTree tree, string configId)
    {
        _tree = tree;
        _configId = configId;
    }

    /// <summary>Every token read, in order.</summary>
    public IReadOnlyList<KeepalivedToken> Tokens => _tokens;

    /// <summary>Reads the main file; false when it could not be read at all.</summary>
    public bool ReadMain(string path) => ReadFile(path, null);

    private bool ReadFile(string path, SourceLocation? includedFrom)
    {
        var full = Path.GetFullPath(path);
        var cycle = _open.FindIndex(f => f.Full == full);
        if (cycle >= 0)
        {
            var chain = string.Join(" -> ", _open.Skip(cycle).Select(f => f.Shown).Append(path));
            _tree.Error(includedFrom, $"include cycle: {chain}");
            return false;
        }

        string text;
        try
        {
            text = Directory.Exists(path) ? throw new IOException("is a directory") : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var what = includedFrom is null ? "cannot read configuration file" : "cannot read included file";
            _tree.Error(includedFrom ?? new SourceLocation(path, 0), $"{what} '{path}': {Reason(e)}");
            return false;
        }

        _tree.Files.Add(path);
        _open.Add((full, path));
        var lines = text.Split('\n');
        for (var n = 0; n < lines.Length; n++)
        {
            ReadLine(lines[n].TrimEnd('\r'), new SourceLocation(path, n + 1));
        }

        _open.RemoveAt(_open.Count - 1);
        return true;
    }

    private void ReadLine(string line, SourceLocation location)
    {
        var text = line.TrimStart();
        if (_inMultiLineDefinition)
        {
            _inMultiLineDefinition = KeepalivedLexer.StripComment(text).Trim() != "}";
            return;
        }
        if (text.StartsWith('@'))
        {
            var end = text.IndexOfAny([' ', '\t']);
            var id = end < 0 ? text[1..] : text[1..end];
            var negate = id.StartsWith('^');
            if (negate == string.Equals(negate ? id[1..] : id, _configId, StringComparison.Ordinal))
            {
                return;
            }

            text = end < 0 ? "" : text[end..].TrimStart();
        }

        var definition = DefinitionPattern().Match(text);
        if (definition.Success)
        {
            Define(definition.Groups[1].Value, definition.Groups[2].Value, location);
            return;
        }

        text = Substitute(text);
        var include = IncludePattern().Match(text);
        if (include.Success)
        {
            Include(include.Groups[1].Value, text[include.Length..], location);
            return;
        }

        var lexed = KeepalivedLexer.Lex(text);
        if (lexed.UnterminatedQuote)
        {
            _tree.Error(location, "unterminated quoted string");
        }

        foreach (var (kind, word) in lexed.Tokens)
        {
            _tokens.Add(new KeepalivedToken(kind, word, location));
        }

        if (lexed.Tokens.Count > 0)
        {
            _tokens.Add(new KeepalivedToken(KeepalivedTokenKind.EndOfLine, "", location));
        }
    }

    private void Define(string name, string value, SourceLocation location)
    {
        var stripped = KeepalivedLexer.StripComment(value).Trim();
        if (stripped.StartsWith('{'))
        {
            _tree.Error(location, $"multi-line definition of '${name}' is not supported");
            _inMultiLineDefinition = !stripped.EndsWith('}');
            return;
        }

        _definitions[name] = Substitute(stripped);
    }

    private string Substitute(string text) =>
        !text.Contains('$')
            ? text
            : ReferencePattern().Replace(text, m =>
            {
                var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
                return _definitions.TryGetValue(name, out var value) ? value : m.Value;
            });

    private void Include(string variant, string rest, SourceLocation location)
    {
        var lexed = KeepalivedLexer.Lex(rest, splitBraces: false);
        if (lexed.Tokens.Count != 1 || lexed.UnterminatedQuote)
        {
            _tree.Error(location, $"include{variant} needs exactly one file name");
            return;
        }

        var pattern = lexed.Tokens[0].Text;
        if (pattern.Contains('\0', StringComparison.Ordinal))
        {
            // No file name can hold a NUL byte; the file APIs would throw rather than say so.
            _tree.Error(location, $"include{variant} file name contains a NUL byte");
            return;
        }

        var directory = Path.GetDirectoryName(location.File) ?? "";
        var files = IncludeGlob.Expand(pattern, directory);
        var optional = variant == "r" || (variant is "m" or "b" && IncludeGlob.HasWildcard(pattern));
        if (files.Count == 0 && !optional)
        {
            _tree.Error(location, $"include '{pattern}' matches no files");
        }

        foreach (var file in files)
        {
            ReadFile(Tidy(file), location);
        }
    }

    /// <summary>Removes <c>..</c> and <c>.</c> from an include's path, keeping it relative when it was.</summary>
    private static string Tidy(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.IsPathRooted(path) ? full : Path.GetRelativePath(Environment.CurrentDirectory, full);
    }

    private static string Reason(Exception e) => e switch
    {
        FileNotFoundException or DirectoryNotFoundException => "no such file",
        UnauthorizedAccessException => "permission denied",
        _ => e.Message,
    };

    [GeneratedRegex(@"^\$([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$")]
    private static partial Regex DefinitionPattern();

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex ReferencePattern();

    [GeneratedRegex(@"^include([rmwba]?)(?=\s|$)")]
    private static partial Regex IncludePattern();
}
