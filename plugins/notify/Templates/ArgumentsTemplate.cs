using System.Text;
using Scriban.Runtime;

namespace Vigil.Plugins.Notify.Templates;

/// <summary>
/// A script's argument vector as templates: the configured text is split into words at whitespace outside
/// <c>{{ }}</c>, and each word renders to exactly one argument, whatever the rendered value holds (spaces,
/// quotes, <c>;</c>, <c>$()</c>, newlines). Nothing rendered is ever split again or seen by a shell.
/// </summary>
internal sealed class ArgumentsTemplate
{
    private readonly IReadOnlyList<CompiledTemplate> _words;

    private ArgumentsTemplate(string source, IReadOnlyList<CompiledTemplate> words)
    {
        Source = source;
        _words = words;
    }

    public string Source { get; }

    public static ArgumentsTemplate? TryCompile(string source, out string? error)
    {
        var words = new List<CompiledTemplate>();
        foreach (var word in SplitWords(source))
        {
            var compiled = CompiledTemplate.TryCompile(word, out error);
            if (compiled is null)
            {
                error = $"{error} in argument '{word}'";
                return null;
            }

            words.Add(compiled);
        }

        error = null;
        return new ArgumentsTemplate(source, words);
    }

    public static ArgumentsTemplate Builtin(string source) =>
        TryCompile(source, out var error) ?? throw new InvalidOperationException($"built-in arguments do not compile: {error}");

    public IReadOnlyList<string> Render(ScriptObject model) => _words.Select(w => w.Render(model)).ToList();

    private static List<string> SplitWords(string source)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '{' && i + 1 < source.Length && source[i + 1] == '{')
            {
                depth++;
                current.Append("{{");
                i++;
            }
            else if (c == '}' && depth > 0 && i + 1 < source.Length && source[i + 1] == '}')
            {
                depth--;
                current.Append("}}");
                i++;
            }
            else if (char.IsWhiteSpace(c) && depth == 0)
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
