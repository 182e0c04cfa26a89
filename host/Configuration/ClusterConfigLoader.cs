using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Host.Configuration.Json;
using Vigil.Host.Configuration.Keepalived;

namespace Vigil.Host.Configuration;

/// <summary>Reads a cluster configuration file, keepalived.conf syntax or JSON, into the shared tree.</summary>
internal static class ClusterConfigLoader
{
    /// <summary>
    /// Loads <paramref name="path"/>. Syntax errors (unbalanced braces, broken includes, unreadable files) come
    /// back as issues with file and line; the configuration is null when it could not be read at all.
    /// </summary>
    public static ClusterLoadResult Load(string path) => Load(path, KeepalivedConfigurationSource.DefaultConfigId());

    /// <summary>
    /// Loads <paramref name="path"/>: <c>.json</c> as JSON, anything else as keepalived.conf, whose <c>@id</c>
    /// conditional lines are matched against <paramref name="configId"/> (keepalived's <c>-i</c>).
    /// </summary>
    public static ClusterLoadResult Load(string path, string configId)
    {
        try
        {
            IConfigurationSource source = string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase)
                ? new JsonClusterConfigurationSource { Path = path }
                : new KeepalivedConfigurationSource { Path = path, ConfigId = configId };
            var root = new ConfigurationBuilder().Add(source).Build();
            var tree = root.Providers.OfType<ITreeProvider>().Single().Tree;
            var configuration = tree.Readable
                ? new ClusterConfiguration(root, new ConfigLocator(tree.Locations), tree.Files)
                : null;
            return new ClusterLoadResult(configuration, tree.Issues);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The readers report every expected failure as an issue; this keeps a reader bug from crashing the host.
            var issue = new ConfigIssue(ConfigSeverity.Error, new SourceLocation(path, 0), "", $"cannot load configuration: {e.Message}");
            return new ClusterLoadResult(null, [issue]);
        }
    }
}
