using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Configuration;

/// <summary>Loads every plugin-registered <see cref="IConfigFileSource"/>, never letting one that throws take the others (or the host) down.</summary>
internal static class ConfigFileSources
{
    /// <summary>What all sources read: documents by name, files and issues in source order.</summary>
    public sealed record Result(IReadOnlyDictionary<string, object> Documents, IReadOnlyList<string> Files, IReadOnlyList<ConfigIssue> Issues)
    {
        public bool HasErrors => Issues.Any(i => i.Severity == ConfigSeverity.Error);
    }

    public static Result Load(IEnumerable<IConfigFileSource> sources)
    {
        var documents = new Dictionary<string, object>(StringComparer.Ordinal);
        var files = new List<string>();
        var issues = new List<ConfigIssue>();
        foreach (var source in sources)
        {
            ConfigFileResult loaded;
            try
            {
                loaded = source.Load();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Sources report bad input as issues; this keeps a source's bug from crashing the host or hiding other files.
                issues.Add(new ConfigIssue(ConfigSeverity.Error, null, "", $"configuration source {source.Name} failed: {e.Message}"));
                continue;
            }

            files.AddRange(loaded.Files);
            issues.AddRange(loaded.Issues);
            if (loaded.Document is not null)
            {
                documents[source.Name] = loaded.Document;
            }
        }

        return new Result(documents, files, issues);
    }
}
