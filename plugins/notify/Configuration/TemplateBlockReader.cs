using Microsoft.Extensions.Configuration;
using Scriban.Runtime;
using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Notify.Templates;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>
/// Compiles the template keys of one block (<c>subject</c>, <c>body</c>, <c>payload</c>, <c>arguments</c>,
/// <c>header</c> values) and renders each once against sample events, so syntax errors and unknown names
/// are reported by <c>vigil check-config</c> with the key's file and line, never at failover.
/// </summary>
internal static class TemplateBlockReader
{
    public static TemplateSet Read(IConfigurationSection block, string context, ValidationReport report) => new(
        Compile(block.GetSection("subject"), context, report),
        Compile(block.GetSection("body"), context, report),
        Compile(block.GetSection("payload"), context, report),
        CompileArguments(block.GetSection("arguments"), context, report));

    public static CompiledTemplate? Compile(IConfigurationSection key, string context, ValidationReport report) =>
        CompileChecked(key, context, report, CompiledTemplate.TryCompile, (t, model) => t.Render(model));

    public static ArgumentsTemplate? CompileArguments(IConfigurationSection key, string context, ValidationReport report) =>
        CompileChecked(key, context, report, ArgumentsTemplate.TryCompile, (t, model) => t.Render(model));

    private delegate T? TryCompile<T>(string source, out string? error);

    private static T? CompileChecked<T>(
        IConfigurationSection key, string context, ValidationReport report, TryCompile<T> tryCompile, Action<T, ScriptObject> render)
        where T : class
    {
        if (key.Value is null)
        {
            return null;
        }

        var template = tryCompile(key.Value, out var error);
        if (template is null)
        {
            report.Error(key.Path, $"template error in {context}: {error}");
            return null;
        }

        foreach (var sample in SampleEvents.Models)
        {
            try
            {
                render(template, sample);
            }
            catch (TemplateRenderException e)
            {
                report.Error(key.Path, $"template error in {context}: {e.Message}");
                return null;
            }
        }

        return template;
    }
}
