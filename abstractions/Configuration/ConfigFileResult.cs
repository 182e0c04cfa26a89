namespace Vigil.Abstractions.Configuration;

/// <summary>What one <see cref="IConfigFileSource"/> read.</summary>
/// <param name="Document">The parsed document (the plugin's own type), or null when the source is off or could not be read.</param>
/// <param name="Files">Every file read, for <c>vigil status</c> and the logs.</param>
/// <param name="Issues">Every problem found, each with its file and line.</param>
public sealed record ConfigFileResult(object? Document, IReadOnlyList<string> Files, IReadOnlyList<ConfigIssue> Issues)
{
    /// <summary>A source that has nothing to read (its setting is unset).</summary>
    public static ConfigFileResult Empty { get; } = new(null, [], []);

    /// <summary>True when at least one issue is an error.</summary>
    public bool HasErrors => Issues.Any(i => i.Severity == ConfigSeverity.Error);
}
