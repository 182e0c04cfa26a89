using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Configuration.Validation;

/// <summary>
/// Keywords keepalived deprecated that real configurations (the seed's among them) still use. The host warns about
/// them wherever they appear inside a section an enabled module handles, so modules need not repeat the table.
/// </summary>
internal static class DeprecatedKeywords
{
    /// <summary>Keyword → what to do instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> Table = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["nb_get_retry"] = "use 'retry' instead",
        ["nat_mask"] = "it is no longer used and is ignored",
    };

    /// <summary>Warns about every deprecated keyword at or below <paramref name="section"/>.</summary>
    public static void Check(IConfigurationSection section, ValidationReport report)
    {
        foreach (var element in ConfigSections.Items(section))
        {
            Walk(element, ConfigSections.Describe(element, section.Key), report);
        }
    }

    private static void Walk(IConfigurationSection block, string context, ValidationReport report)
    {
        foreach (var child in block.GetChildren())
        {
            if (Table.TryGetValue(child.Key, out var advice))
            {
                report.Warning(child.Path, $"'{child.Key}' in {context} is deprecated: {advice}");
            }
            else if (child.Value is null)
            {
                Check(child, report);
            }
        }
    }
}
