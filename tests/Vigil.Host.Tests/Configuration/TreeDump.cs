using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Tests.Configuration;

/// <summary>Flattens a configuration into sorted <c>path=value</c> lines, for comparing trees.</summary>
internal static class TreeDump
{
    public static IReadOnlyList<string> Of(ClusterConfiguration configuration) => Of(configuration.Root);

    public static IReadOnlyList<string> Of(IConfiguration configuration) =>
        configuration.AsEnumerable()
            .Where(p => p.Value is not null)
            .Select(p => $"{p.Key}={p.Value}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
