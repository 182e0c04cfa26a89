using Autofac;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;
using Vigil.Host.Configuration;

namespace Vigil.Host.Runtime;

/// <summary>
/// Loads the cluster configuration and every plugin's own configuration files, and validates them against the enabled
/// modules, without starting anything.
/// </summary>
internal static class ClusterConfigCheck
{
    /// <summary>
    /// The configuration when nothing has an error (else null), and every issue: the cluster file's syntax, then the
    /// plugins' files, then validation findings by file and line.
    /// </summary>
    public static (ClusterConfiguration? Configuration, IReadOnlyList<ConfigIssue> Issues) Run(
        string file, IReadOnlyList<IClusterModule> modules, IComponentContext services)
    {
        var result = ClusterConfigLoader.Load(file);
        var sources = ConfigFileSources.Load(services.Resolve<IEnumerable<IConfigFileSource>>());
        if (result.Configuration is null || result.HasErrors)
        {
            return (null, [.. result.Issues, .. sources.Issues]);
        }

        var configuration = result.Configuration.WithDocuments(sources.Documents, sources.Files);
        var report = ClusterValidator.Validate(configuration, modules, services.Resolve<IEnumerable<IConfigValidator>>());
        IReadOnlyList<ConfigIssue> issues = [.. result.Issues, .. sources.Issues, .. report.Sorted()];
        return (report.HasErrors || sources.HasErrors ? null : configuration, issues);
    }
}
