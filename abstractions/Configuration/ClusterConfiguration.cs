using Microsoft.Extensions.Configuration;

namespace Vigil.Abstractions.Configuration;

/// <summary>
/// A loaded cluster configuration: the configuration tree (from keepalived.conf or JSON, both give the
/// same shape) and a way back from any path to the file and line it came from.
/// </summary>
/// <remarks>
/// Tree shape, shared by every format:
/// <list type="bullet">
/// <item><c>key value…</c> becomes <c>key</c> = <c>"value…"</c> (arguments joined by one space, quotes removed).</item>
/// <item>A bare keyword (<c>nopreempt</c>) becomes <c>key</c> = <c>"true"</c>.</item>
/// <item>A block with arguments (<c>vrrp_instance VI_1 { … }</c>, <c>real_server 10.0.0.1 80 { … }</c>) becomes
/// an array element <c>key:N</c> whose <c>name</c> holds the arguments.</item>
/// <item>A block without arguments (<c>global_defs { … }</c>) becomes the object <c>key</c>; when the same keyword
/// opens several such blocks in one parent (<c>url</c>), they become <c>key:0</c>, <c>key:1</c>, ….</item>
/// <item>A list block (<c>virtual_ipaddress</c>, <c>track_script</c>, <c>notification_email</c>, …) becomes
/// <c>key:N</c> = the whole line.</item>
/// </list>
/// Use <see cref="ConfigSections.Items"/> to read a key that may be one object or an array.
/// </remarks>
public sealed class ClusterConfiguration
{
    private readonly IReadOnlyDictionary<string, object> _documents;

    /// <summary>Wraps a configuration tree with its locator.</summary>
    /// <param name="root">The tree.</param>
    /// <param name="locator">Maps paths back to files and lines.</param>
    /// <param name="files">Every file read.</param>
    /// <param name="documents">What each <see cref="IConfigFileSource"/> read, by its name; none when null.</param>
    public ClusterConfiguration(IConfiguration root, IConfigLocator locator, IReadOnlyList<string> files, IReadOnlyDictionary<string, object>? documents = null)
    {
        Root = root;
        Locator = locator;
        Files = files;
        _documents = documents ?? new Dictionary<string, object>();
    }

    /// <summary>The configuration tree.</summary>
    public IConfiguration Root { get; }

    /// <summary>Maps paths back to files and lines.</summary>
    public IConfigLocator Locator { get; }

    /// <summary>Every file read, the main one first, then includes in the order read.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The top-level section <paramref name="key"/> (it may not exist).</summary>
    public IConfigurationSection Section(string key) => Root.GetSection(key);

    /// <summary>Shorthand for <see cref="IConfigLocator.Locate"/>.</summary>
    public SourceLocation? Locate(string path) => Locator.Locate(path);

    /// <summary>
    /// The document the <see cref="IConfigFileSource"/> named <paramref name="name"/> read with this configuration, or null
    /// when it read none (its file is not configured).
    /// </summary>
    /// <exception cref="InvalidCastException">The document is not a <typeparamref name="T"/>.</exception>
    public T? Document<T>(string name)
        where T : class =>
        _documents.TryGetValue(name, out var document) ? (T)document : null;

    /// <summary>
    /// A copy of this configuration carrying what the <see cref="IConfigFileSource"/>s read: their documents, and their
    /// files after this configuration's own (the host assembles it this way).
    /// </summary>
    public ClusterConfiguration WithDocuments(IReadOnlyDictionary<string, object> documents, IEnumerable<string> files) =>
        new(Root, Locator, [.. Files, .. files], documents);
}
