namespace Vigil.Abstractions.Configuration;

/// <summary>Collects every problem that validators find, each tied to where it was written.</summary>
public sealed class ValidationReport
{
    private readonly List<ConfigIssue> _issues = [];
    private readonly IConfigLocator _locator;

    /// <summary>Creates an empty report that locates paths with <paramref name="locator"/>.</summary>
    public ValidationReport(IConfigLocator locator) => _locator = locator;

    /// <summary>Every problem reported so far, in the order reported.</summary>
    public IReadOnlyList<ConfigIssue> Issues => _issues;

    /// <summary>True when at least one error (not just warnings) was reported.</summary>
    public bool HasErrors => _issues.Any(i => i.Severity == ConfigSeverity.Error);

    /// <summary>Reports an error at <paramref name="path"/>.</summary>
    public void Error(string path, string message) => Add(ConfigSeverity.Error, path, message);

    /// <summary>Reports a warning at <paramref name="path"/>.</summary>
    public void Warning(string path, string message) => Add(ConfigSeverity.Warning, path, message);

    /// <summary>Issues sorted by file and line, the order a user reads them in.</summary>
    public IEnumerable<ConfigIssue> Sorted() =>
        _issues
            .Select((issue, index) => (issue, index))
            .OrderBy(p => p.issue.Location?.File ?? "", StringComparer.Ordinal)
            .ThenBy(p => p.issue.Location?.Line ?? 0)
            .ThenBy(p => p.index)
            .Select(p => p.issue);

    private void Add(ConfigSeverity severity, string path, string message) =>
        _issues.Add(new ConfigIssue(severity, _locator.Locate(path), path, message));
}
