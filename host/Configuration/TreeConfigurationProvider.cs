using Microsoft.Extensions.Configuration;

namespace Vigil.Host.Configuration;

/// <summary>
/// A provider over a <see cref="ConfigTree"/> a reader builds, whose sections list their children through a
/// <see cref="ChildKeyIndex"/> instead of a scan of every key.
/// </summary>
internal abstract class TreeConfigurationProvider : ConfigurationProvider, ITreeProvider
{
    private ChildKeyIndex? _index;

    /// <inheritdoc />
    public ConfigTree Tree { get; private set; } = new();

    /// <inheritdoc />
    public override void Load()
    {
        Tree = ReadTree();
        Data = Tree.Data;
        _index = null;
    }

    /// <inheritdoc />
    public override void Set(string key, string? value)
    {
        base.Set(key, value);
        _index = null;
    }

    /// <inheritdoc />
    public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
    {
        _index ??= new ChildKeyIndex(Data.Keys);
        var keys = new List<string>(_index.Of(parentPath));
        keys.AddRange(earlierKeys);
        keys.Sort(ConfigurationKeyComparer.Instance);
        return keys;
    }

    /// <summary>Reads the source into a new tree; never throws for a problem of the file, which goes into its issues.</summary>
    protected abstract ConfigTree ReadTree();
}
