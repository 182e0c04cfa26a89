using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Configuration;

/// <summary>The lines <c>vigil check-config</c> prints: load problems in the order met, then validation findings by file and line.</summary>
internal static class ConfigIssueFormatter
{
    /// <summary>
    /// One line per problem; <paramref name="report"/> is null when the configuration was not validated (it could not
    /// be read, or had syntax errors whose consequences validation would only repeat).
    /// </summary>
    public static IEnumerable<string> Lines(ClusterLoadResult load, ValidationReport? report) =>
        load.Issues.Concat(report?.Sorted() ?? []).Select(issue => issue.ToString());

    /// <summary>True when anything printed by <see cref="Lines"/> is an error, the exit status's only input.</summary>
    public static bool HasErrors(ClusterLoadResult load, ValidationReport? report) =>
        load.HasErrors || report?.HasErrors == true;
}
