using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;
using Vigil.Host.Configuration.Validation;

namespace Vigil.Host.Configuration;

/// <summary>
/// Validates a loaded cluster configuration against the enabled modules: which module owns each section
/// and global key, then every module's own validators.
/// </summary>
internal static class ClusterValidator
{
    /// <summary>
    /// Runs the host's ownership checks, then every validator in turn. A validator that throws is reported as an
    /// error rather than ending validation, so one faulty module cannot hide the others' findings.
    /// </summary>
    public static ValidationReport Validate(ClusterConfiguration configuration, IReadOnlyList<IClusterModule> modules, IEnumerable<IConfigValidator> validators)
    {
        var report = new ValidationReport(configuration.Locator, Claims(modules));
        new SectionOwnership(modules).Check(configuration, report);
        foreach (var validator in validators)
        {
            try
            {
                validator.Validate(configuration, report);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                report.Error("", $"validator {validator.GetType().Name} failed: {e.Message}");
            }
        }

        return report;
    }

    /// <summary>The enabled modules' nested keywords, and the well-known ones of modules that are not enabled.</summary>
    private static KeywordClaims Claims(IReadOnlyList<IClusterModule> modules)
    {
        var enabled = modules.Select(m => m.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new KeywordClaims(
            modules.SelectMany(m => m.NestedKeywords.Select(c => (m.Name, true, c)))
                .Concat(KnownOwners.NestedClaimsOutside(enabled).Select(n => (n.Module, false, n.Claim))));
    }
}
