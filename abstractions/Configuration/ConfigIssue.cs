namespace Vigil.Abstractions.Configuration;

/// <summary>One problem found in a configuration.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Location">Where it was written, when known.</param>
/// <param name="Path">The configuration path of the offending value.</param>
/// <param name="Message">What is wrong, in words a user acts on.</param>
public sealed record ConfigIssue(ConfigSeverity Severity, SourceLocation? Location, string Path, string Message)
{
    /// <summary>The one-line form <c>vigil check-config</c> prints: <c>file:line: error: message</c>.</summary>
    public override string ToString()
    {
        var where = Location?.ToString() ?? "<configuration>";
        var level = Severity == ConfigSeverity.Error ? "error" : "warning";
        return $"{where}: {level}: {Message}";
    }
}
