using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;

namespace Vigil.Host.Configuration.Validation;

/// <summary>
/// The host's own checks: every top-level section and every <c>global_defs</c> key must belong to the host or to an
/// enabled module. Something a known but disabled module would handle is a warning naming that module; something
/// nobody knows is an error.
/// </summary>
internal sealed class SectionOwnership
{
    private const string GlobalDefs = "global_defs";

    private readonly Dictionary<string, string> _sections = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _globalKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _enabled = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Collects what <paramref name="modules"/> (the enabled ones) claim.</summary>
    public SectionOwnership(IEnumerable<IClusterModule> modules)
    {
        foreach (var module in modules)
        {
            _enabled.Add(module.Name);
            foreach (var section in module.Sections.Concat(module.SharedSections))
            {
                _sections.TryAdd(section, module.Name);
            }

            foreach (var key in module.GlobalKeys)
            {
                _globalKeys.TryAdd(key, module.Name);
            }
        }
    }

    /// <summary>Reports every section and global key no enabled module or the host answers for.</summary>
    public void Check(ClusterConfiguration configuration, ValidationReport report)
    {
        foreach (var section in configuration.Root.GetChildren())
        {
            var key = section.Key;
            if (key.Equals(GlobalDefs, StringComparison.OrdinalIgnoreCase))
            {
                CheckGlobalDefs(section, report);
            }
            else if (HostGlobalKeys.TopLevel.Contains(key))
            {
                HostGlobalKeys.Check(section, "the top level", report);
            }
            else if (_sections.ContainsKey(key))
            {
                DeprecatedKeywords.Check(section, report);
            }
            else
            {
                ReportUnowned(report, section.Path, KnownOwners.SectionOwner(key), $"section '{key}'", $"unknown keyword '{key}'");
            }
        }
    }

    private void CheckGlobalDefs(IConfigurationSection section, ValidationReport report)
    {
        if (section.Value is not null)
        {
            report.Error(section.Path, "global_defs must be a block");
            return;
        }

        foreach (var block in ConfigSections.Items(section))
        {
            foreach (var entry in block.GetChildren())
            {
                var key = entry.Key;
                if (HostGlobalKeys.Contains(key))
                {
                    HostGlobalKeys.Check(entry, GlobalDefs, report);
                }
                else if (!_globalKeys.ContainsKey(key))
                {
                    ReportUnowned(report, entry.Path, KnownOwners.GlobalKeyOwner(key), $"'{key}' in global_defs", $"unknown keyword '{key}' in global_defs");
                }
            }
        }
    }

    private void ReportUnowned(ValidationReport report, string path, string? owner, string what, string unknown)
    {
        if (owner is null)
        {
            report.Error(path, unknown);
        }
        else if (_enabled.Contains(owner))
        {
            report.Warning(path, $"{what} is not handled by module '{owner}'; ignored");
        }
        else
        {
            report.Warning(path, $"{what} needs module '{owner}', which is not enabled; ignored");
        }
    }
}
