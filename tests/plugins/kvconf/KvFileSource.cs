using System.Globalization;
using Vigil.Abstractions.Configuration;

namespace Vigil.TestPlugins.KvConf;

/// <summary>
/// A configuration file in a format of the plugin's own: <c>key = value</c> lines, <c>#</c> comments. Its path is the
/// module's <c>File</c> setting; without one the source reads nothing.
/// </summary>
public sealed class KvFileSource(string? path) : IConfigFileSource
{
    public const string DocumentName = "kvconf.file";

    public string Name => DocumentName;

    public ConfigFileResult Load()
    {
        if (string.IsNullOrEmpty(path))
        {
            return ConfigFileResult.Empty;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ConfigFileResult(null, [path], [new ConfigIssue(ConfigSeverity.Error, new SourceLocation(path, 0), "", $"cannot read {path}: {e.Message}")]);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var issues = new List<ConfigIssue>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var where = new SourceLocation(path, i + 1);
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                issues.Add(new ConfigIssue(ConfigSeverity.Error, where, "", $"expected 'key = value', got '{line}'"));
            }
            else if (!values.TryAdd(line[..eq].Trim(), line[(eq + 1)..].Trim()))
            {
                issues.Add(new ConfigIssue(ConfigSeverity.Warning, where, "", string.Create(CultureInfo.InvariantCulture, $"duplicate key '{line[..eq].Trim()}', the first one is used")));
            }
        }

        return new ConfigFileResult(values, [path], issues);
    }
}
