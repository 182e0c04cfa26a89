using System.Globalization;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Linux.Netlink.Route;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>Reads a virtual_rules or static_rules list block, reporting bad lines and rules without a preference.</summary>
internal static class RuleReader
{
    /// <summary>
    /// Parses every line of <paramref name="list"/>; <paramref name="context"/> names the owning block
    /// (<c>vrrp_instance VI_1</c>), or is null for the top-level static_rules.
    /// </summary>
    public static IReadOnlyList<RuleSpec> Read(IConfigurationSection list, string? context, RulePreferences preferences, ValidationReport report)
    {
        var where = ListLineMessages.Where(list, context);
        var result = new List<RuleSpec>();
        foreach (var item in ConfigSections.Items(list))
        {
            if (item.Value is not { } line)
            {
                continue;
            }

            if (RuleLineParser.TryParse(line, out var error) is not { } rule)
            {
                report.Error(item.Path, ListLineMessages.Invalid(list, context, line, error));
                continue;
            }

            if (rule.Priority is null)
            {
                rule = rule with { Priority = preferences.Next(rule.Family) };
                report.Warning(item.Path, $"rule '{line}' in {where} has no preference; using {rule.Priority.Value.ToString(CultureInfo.InvariantCulture)}");
            }

            result.Add(rule);
        }

        return result;
    }
}
