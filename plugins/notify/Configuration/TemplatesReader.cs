using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Notify.Templates;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>Reads <c>notify_template NAME { subject; body; payload; arguments }</c> blocks.</summary>
internal static class TemplatesReader
{
    /// <summary>The template whose parts replace the built-in keepalived messages everywhere.</summary>
    public const string DefaultName = "default";

    private static readonly HashSet<string> Known = ["subject", "body", "payload", "arguments"];

    public static Dictionary<string, TemplateSet> Read(ClusterConfiguration configuration, ValidationReport report)
    {
        var templates = new Dictionary<string, TemplateSet>(StringComparer.Ordinal);
        foreach (var block in ConfigSections.Items(configuration.Section("notify_template")))
        {
            var name = block["name"];
            var context = ConfigSections.Describe(block, "notify_template");
            if (string.IsNullOrWhiteSpace(name))
            {
                report.Error(block.Path, "notify_template needs a name");
                continue;
            }

            report.CheckKeywords(block, context, Known);
            if (!templates.TryAdd(name, TemplateBlockReader.Read(block, context, report)))
            {
                report.Error(block.Path, $"duplicate {context}");
            }
        }

        return templates;
    }
}
