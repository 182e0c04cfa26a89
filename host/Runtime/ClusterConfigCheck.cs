using Autofac;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;
using Vigil.Host.Configuration;

namespace Vigil.Host.Runtime;

/// <summary>Loads a cluster configuration and validates it against the enabled modules, without starting anything.</summary>
internal static class ClusterConfigCheck
{
    /// <summary>The configuration when it has no errors (else null), and every issue: syntax first, then by file and line.</summary>
    public static (ClusterConfiguration? Configuration, IReadOnlyList<ConfigIssue> Issues) Run(
        string file, IReadOnlyList<IClusterModule> modules, IComponentContext services)
    {
        var result = ClusterConfigLoader.Load(file);
        if (result.Configuration is null || result.Issues.Any(i => i.Severity == ConfigSeverity.Error))
        {
            return (null, result.Issues);
        }

        var report = ClusterValidator.Validate(result.Configuration, modules, services.Resolve<IEnumerable<IConfigValidator>>());
        var issues = result.Issues.Concat(report.Sorted()).ToList();
        return (report.HasErrors ? null : result.Configuration, issues);
    }
}
