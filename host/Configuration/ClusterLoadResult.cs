using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Configuration;

/// <summary>What loading a cluster configuration file gave.</summary>
/// <param name="Configuration">The tree, or null when the file could not be read at all.</param>
/// <param name="Issues">Syntax problems, each with file and line, in the order met.</param>
internal sealed record ClusterLoadResult(ClusterConfiguration? Configuration, IReadOnlyList<ConfigIssue> Issues)
{
    /// <summary>True when loading found at least one error (warnings alone do not count).</summary>
    public bool HasErrors => Issues.Any(i => i.Severity == ConfigSeverity.Error);
}
