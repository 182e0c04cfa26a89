using Microsoft.Extensions.Configuration;

namespace Vigil.Host.Configuration.Json;

/// <summary>A JSON cluster configuration file as a Microsoft.Extensions.Configuration source.</summary>
internal sealed class JsonClusterConfigurationSource : IConfigurationSource
{
    /// <summary>The file, as the user gave it.</summary>
    public required string Path { get; init; }

    /// <inheritdoc />
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new JsonClusterConfigurationProvider(this);
}
