using Microsoft.Extensions.Configuration;

namespace Vigil.Host.Configuration.Json;

/// <summary>Loads a JSON cluster configuration into the shared tree with line numbers; never throws.</summary>
internal sealed class JsonClusterConfigurationProvider : ConfigurationProvider, ITreeProvider
{
    private readonly JsonClusterConfigurationSource _source;

    /// <summary>Creates a provider for <paramref name="source"/>.</summary>
    public JsonClusterConfigurationProvider(JsonClusterConfigurationSource source) => _source = source;

    /// <inheritdoc />
    public ConfigTree Tree { get; private set; } = new();

    /// <inheritdoc />
    public override void Load()
    {
        Tree = JsonTreeReader.Read(_source.Path);
        Data = Tree.Data;
    }
}
