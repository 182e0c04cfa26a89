namespace Vigil.Host.Configuration.Json;

/// <summary>Loads a JSON cluster configuration into the shared tree with line numbers; never throws.</summary>
internal sealed class JsonClusterConfigurationProvider : TreeConfigurationProvider
{
    private readonly JsonClusterConfigurationSource _source;

    /// <summary>Creates a provider for <paramref name="source"/>.</summary>
    public JsonClusterConfigurationProvider(JsonClusterConfigurationSource source) => _source = source;

    /// <inheritdoc />
    protected override ConfigTree ReadTree() => JsonTreeReader.Read(_source.Path);
}
