using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Vigil.Plugins.Notify.Templates;

/// <summary>A Scriban template parsed once, at validation, and rendered per notification.</summary>
internal sealed class CompiledTemplate
{
    private readonly Template _template;

    private CompiledTemplate(string source, Template template)
    {
        Source = source;
        _template = template;
    }

    /// <summary>The template text as configured.</summary>
    public string Source { get; }

    /// <summary>Parses <paramref name="source"/>; on a syntax error returns null and the parser's first message.</summary>
    public static CompiledTemplate? TryCompile(string source, out string? error)
    {
        var template = Template.Parse(source);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == Scriban.Parsing.ParserMessageType.Error);
            var where = source.Contains('\n', StringComparison.Ordinal)
                ? $" (template line {first.Span.Start.Line + 1}, column {first.Span.Start.Column + 1})"
                : $" (column {first.Span.Start.Column + 1})";
            error = first.Message + where;
            return null;
        }

        error = null;
        return new CompiledTemplate(source, template);
    }

    /// <summary>Compiles a template the plugin ships; a failure is a bug, not a user error.</summary>
    public static CompiledTemplate Builtin(string source) =>
        TryCompile(source, out var error) ?? throw new InvalidOperationException($"built-in template does not compile: {error}");

    /// <summary>Renders against <paramref name="model"/>; throws <see cref="TemplateRenderException"/> on a runtime error.</summary>
    public string Render(ScriptObject model)
    {
        var context = new TemplateContext
        {
            StrictVariables = true,
            LoopLimit = 1000,
            RecursiveLimit = 20,
            LimitToString = 64 * 1024,
            EnableRelaxedMemberAccess = true,
        };
        context.PushGlobal(model);
        try
        {
            return _template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw new TemplateRenderException(e.OriginalMessage ?? e.Message, e);
        }
    }
}
