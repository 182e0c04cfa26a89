using Microsoft.Extensions.Configuration;

namespace Vigil.Abstractions.Tests.Support;

/// <summary>Configuration trees in the shape the keepalived.conf reader gives, from path/value pairs.</summary>
internal static class Tree
{
    public static IConfigurationRoot Of(params (string Path, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Path, v.Value)))
            .Build();
}
