using System.Text;

namespace Vigil.Abstractions.Processes;

/// <summary>
/// A script line from the configuration (<c>vrrp_script</c>'s <c>script</c>, <c>notify_master</c>, <c>MISC_CHECK</c>'s
/// <c>misc_path</c>), parsed once into what will be executed.
/// </summary>
/// <remarks>
/// The rule, documented for users: a line with no shell syntax is split into words (single and double
/// quotes group words) and executed directly, as keepalived 2.x does. A line that contains shell syntax
/// (operators such as <c>&amp;&amp;</c> <c>||</c> <c>;</c> <c>|</c> <c>&gt;</c>, expansions such as <c>$</c> or backquotes,
/// globs, <c>[[</c>) runs as <c>/bin/sh -c LINE</c>, or <c>/bin/bash -c LINE</c> when it uses bash-only
/// syntax (<c>[[</c>, <c>((</c>, <c>&lt;(</c>, <c>$'</c>), so the seed's
/// <c>[[ -f /etc/keepalived/down ]] &amp;&amp; exit 1 || exit 0</c> works as its author meant.
/// Extra arguments (a notify script's type, name, state, priority) are always passed as separate argv
/// entries, also through the shell (as <c>$1</c>, <c>$2</c>, …), so a value can never become shell syntax.
/// </remarks>
public sealed record ScriptCommand
{
    private static readonly string[] BashOnly = ["[[", "((", "<(", ">(", "$'", "{a..", "..}"];
    private const string ShellChars = "&|;<>$`*?()~\\";

    private ScriptCommand(string line, string fileName, IReadOnlyList<string> arguments, bool viaShell)
    {
        Line = line;
        FileName = fileName;
        Arguments = arguments;
        ViaShell = viaShell;
    }

    /// <summary>The line as configured.</summary>
    public string Line { get; }

    /// <summary>The program executed: the script itself, or <c>/bin/sh</c> or <c>/bin/bash</c>.</summary>
    public string FileName { get; }

    /// <summary>The arguments given to <see cref="FileName"/>, before any extra arguments.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>True when the line runs through a shell.</summary>
    public bool ViaShell { get; }

    /// <summary>Parses a configured script line; throws <see cref="FormatException"/> for an empty line or an unclosed quote.</summary>
    public static ScriptCommand Parse(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            throw new FormatException("empty script line");
        }

        if (NeedsShell(trimmed))
        {
            var shell = BashOnly.Any(trimmed.Contains) ? "/bin/bash" : "/bin/sh";
            // "$0" is the name the shell gives the script; extra arguments then land in $1, $2, ….
            return new ScriptCommand(trimmed, shell, ["-c", trimmed, "vigil-script"], true);
        }

        var words = SplitWords(trimmed);
        return new ScriptCommand(trimmed, words[0], words.Skip(1).ToArray(), false);
    }

    /// <summary>The complete argument vector after <see cref="FileName"/>, with <paramref name="extra"/> appended.</summary>
    public IReadOnlyList<string> ArgumentsWith(IEnumerable<string> extra) => [.. Arguments, .. extra];

    private static bool NeedsShell(string line)
    {
        var inSingle = false;
        var inDouble = false;
        foreach (var c in line)
        {
            if (c == '\'' && !inDouble)
            {
                inSingle = !inSingle;
            }
            else if (c == '"' && !inSingle)
            {
                inDouble = !inDouble;
            }
            else if (!inSingle && (c == '$' || c == '`' || c == '\\'))
            {
                return true;
            }
            else if (!inSingle && !inDouble && ShellChars.Contains(c))
            {
                return true;
            }
        }

        return line.StartsWith("[[", StringComparison.Ordinal) || line.Contains(" [[", StringComparison.Ordinal);
    }

    private static List<string> SplitWords(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        foreach (var c in line)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (quote != '\0')
        {
            throw new FormatException($"unclosed {quote} quote in script line: {line}");
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
