using Vigil.Abstractions.Configuration;
using Vigil.Linux.Tracking;

namespace Vigil.Plugins.Checkers.Checkers.FileCheck;

/// <summary>
/// Validates the global <c>track_file</c> blocks (as VRRP does, so with both modules each issue is reported once) and
/// that every FILE_CHECK names one of them.
/// </summary>
internal sealed class FileCheckValidator : IConfigValidator
{
    /// <inheritdoc />
    public void Validate(ClusterConfiguration configuration, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(report);
        var files = TrackFileBlockReader.ReadAll(configuration, report);
        foreach (var vs in ConfigSections.Items(configuration.Section("virtual_server")))
        {
            foreach (var rs in ConfigSections.Items(vs.GetSection("real_server")))
            {
                foreach (var block in ConfigSections.Blocks(rs.GetSection("FILE_CHECK")))
                {
                    if (block["track_file"]?.Trim() is { Length: > 0 } name && !files.ContainsKey(name))
                    {
                        report.Error(
                            Microsoft.Extensions.Configuration.ConfigurationPath.Combine(block.Path, "track_file"),
                            $"track_file {name} not found for FILE_CHECK of {ConfigSections.Describe(rs, "real_server")}");
                    }
                }
            }
        }
    }
}
