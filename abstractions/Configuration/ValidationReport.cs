namespace Vigil.Abstractions.Configuration;

/// <summary>
/// Collects every problem that validators find, each tied to where it was written. The same problem reported twice
/// (an inherited value read by several checkers, say) is kept once.
/// </summary>
public sealed class ValidationReport
{
    private readonly List<ConfigIssue> _issues = [];
    private readonly HashSet<ConfigIssue> _seen = [];
    private readonly IConfigLocator _locator;

    /// <summary>Creates an empty report that locates paths with <paramref name="locator"/>.</summary>
    /// <param name="locator">Maps paths back to files and lines.</param>
    /// <param name="claims">Who handles nested keywords inside blocks; none when null.</param>
    public ValidationReport(IConfigLocator locator, KeywordClaims? claims = null)
    {
        _locator = locator;
        Claims = claims ?? KeywordClaims.None;
    }

    /// <summary>The nested keywords other modules handle, for owners checking their blocks' keywords.</summary>
    public KeywordClaims Claims { get; }

    /// <summary>Every problem reported so far, in the order reported.</summary>
    public IReadOnlyList<ConfigIssue> Issues => _issues;

    /// <summary>True when at least one error (not just warnings) was reported.</summary>
    public bool HasErrors => _issues.Any(i => i.Severity == ConfigSeverity.Error);

    /// <summary>
    /// Every error reported so far, repeats included. A reader compares it before and after reading to learn whether
    /// what it read was wrong, even when the report already held that error (and so kept no new issue).
    /// </summary>
    internal int ErrorsReported { get; private set; }

    /// <summary>Reports an error at <paramref name="path"/>.</summary>
    public void Error(string path, string message) => Add(ConfigSeverity.Error, path, message);

    /// <summary>Reports a warning at <paramref name="path"/>.</summary>
    public void Warning(string path, string message) => Add(ConfigSeverity.Warning, path, message);

    /// <summary>Reports an error at a known location (a file a plugin read in its own format).</summary>
    public void Error(SourceLocation location, string message) => Add(new ConfigIssue(ConfigSeverity.Error, location, "", message));

    /// <summary>Reports a warning at a known location.</summary>
    public void Warning(SourceLocation location, string message) => Add(new ConfigIssue(ConfigSeverity.Warning, location, "", message));

    /// <summary>Adds issues found elsewhere (a configuration source's own), keeping their locations.</summary>
    public void AddRange(IEnumerable<ConfigIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        foreach (var issue in issues)
        {
            Add(issue);
        }
    }

    /// <summary>Issues sorted by file and line, the order a user reads them in.</summary>
    public IEnumerable<ConfigIssue> Sorted() =>
        _issues
            .Select((issue, index) => (issue, index))
            .OrderBy(p => p.issue.Location?.File ?? "", StringComparer.Ordinal)
            .ThenBy(p => p.issue.Location?.Line ?? 0)
            .ThenBy(p => p.index)
            .Select(p => p.issue);

    private void Add(ConfigSeverity severity, string path, string message) =>
        Add(new ConfigIssue(severity, _locator.Locate(path), path, message));

    private void Add(ConfigIssue issue)
    {
        if (issue.Severity == ConfigSeverity.Error)
        {
            ErrorsReported++;
        }

        if (_seen.Add(issue))
        {
            _issues.Add(issue);
        }
    }
}
