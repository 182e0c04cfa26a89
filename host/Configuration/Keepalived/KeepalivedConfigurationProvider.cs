namespace Vigil.Host.Configuration.Keepalived;

/// <summary>
/// Loads keepalived.conf syntax into the shared tree. Loading never throws: syntax problems end up in
/// <see cref="TreeConfigurationProvider.Tree"/>'s issues with file and line.
/// </summary>
internal sealed class KeepalivedConfigurationProvider : TreeConfigurationProvider
{
    private readonly KeepalivedConfigurationSource _source;

    /// <summary>Creates a provider for <paramref name="source"/>.</summary>
    public KeepalivedConfigurationProvider(KeepalivedConfigurationSource source) => _source = source;

    /// <inheritdoc />
    protected override ConfigTree ReadTree() => Read(_source.Path, _source.ConfigId);

    /// <summary>Reads, parses and flattens <paramref name="path"/>.</summary>
    public static ConfigTree Read(string path, string configId)
    {
        var tree = new ConfigTree();
        var reader = new KeepalivedSourceReader(tree, configId);
        tree.Readable = reader.ReadMain(path);
        ConfigTreeFlattener.Flatten(KeepalivedParser.Parse(reader.Tokens, tree), tree);
        return tree;
    }
}
