using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Notify.Tests.Support;

/// <summary>Builds a ClusterConfiguration from tree-shaped keys; each key is "located" at test.conf:N in insertion order.</summary>
internal static class TestConfig
{
    public static ClusterConfiguration Build(params (string Key, string Value)[] entries)
    {
        var root = new ConfigurationBuilder()
            .AddInMemoryCollection(entries.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
            .Build();
        var lines = entries.Select((e, i) => (e.Key, Line: i + 1)).ToDictionary(p => p.Key, p => p.Line, StringComparer.OrdinalIgnoreCase);
        return new ClusterConfiguration(root, new Locator(lines), ["test.conf"]);
    }

    public static ValidationReport Validate(ClusterConfiguration configuration, IConfigValidator validator)
    {
        var report = new ValidationReport(configuration.Locator);
        validator.Validate(configuration, report);
        return report;
    }

    private sealed class Locator(Dictionary<string, int> lines) : IConfigLocator
    {
        public SourceLocation? Locate(string path)
        {
            for (var p = path; p.Length > 0; p = p.Contains(':') ? p[..p.LastIndexOf(':')] : "")
            {
                if (lines.TryGetValue(p, out var line))
                {
                    return new SourceLocation("test.conf", line);
                }

                var prefix = lines.Keys.Where(k => k.StartsWith(p + ":", StringComparison.OrdinalIgnoreCase)).Select(k => lines[k]).DefaultIfEmpty(0).Min();
                if (prefix > 0)
                {
                    return new SourceLocation("test.conf", prefix);
                }
            }

            return null;
        }
    }
}
