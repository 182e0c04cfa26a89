using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Checkers.Tests.Support;

/// <summary>
/// A cluster configuration from tree paths, in the shape the host's parsers give (<c>virtual_server:0:name</c> =
/// <c>10.0.0.1 80</c>), for tests that cannot reach the host's loader.
/// </summary>
internal static class TreeConfig
{
    public static ClusterConfiguration Build(IEnumerable<KeyValuePair<string, string?>> values) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), NoLocator.Instance, ["test.conf"]);

    public static ClusterConfiguration Build(params (string Path, string Value)[] values) =>
        Build(values.Select(v => new KeyValuePair<string, string?>(v.Path, v.Value)));

    private sealed class NoLocator : IConfigLocator
    {
        public static readonly NoLocator Instance = new();

        public SourceLocation? Locate(string path) => null;
    }
}
