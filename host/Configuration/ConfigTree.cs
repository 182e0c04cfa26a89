using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Configuration;

/// <summary>
/// What a reader of either format produces: the flattened key/value data, where each path was written,
/// every file read and every syntax problem met on the way.
/// </summary>
internal sealed class ConfigTree
{
    /// <summary>Flattened data, keyed like <see cref="Microsoft.Extensions.Configuration.IConfiguration"/> paths.</summary>
    public Dictionary<string, string?> Data { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The file and line of each path.</summary>
    public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every file read, the main one first.</summary>
    public List<string> Files { get; } = [];

    /// <summary>Syntax problems, in the order met.</summary>
    public List<ConfigIssue> Issues { get; } = [];

    /// <summary>False when the main file could not be read or parsed at all.</summary>
    public bool Readable { get; set; } = true;

    /// <summary>Sets a value and remembers where it came from.</summary>
    public void Set(string path, string? value, SourceLocation location)
    {
        Data[path] = value;
        Locations[path] = location;
    }

    /// <summary>Remembers where a section was opened, keeping the first location seen.</summary>
    public void Mark(string path, SourceLocation location) => Locations.TryAdd(path, location);

    /// <summary>Records a syntax error.</summary>
    public void Error(SourceLocation? location, string message) =>
        Issues.Add(new ConfigIssue(ConfigSeverity.Error, location, "", message));

    /// <summary>Records a syntax warning.</summary>
    public void Warning(SourceLocation? location, string message) =>
        Issues.Add(new ConfigIssue(ConfigSeverity.Warning, location, "", message));
}
