namespace Vigil.Host.Configuration;

/// <summary>
/// The immediate child keys of every section of a flat configuration, computed once. The stock provider finds a
/// section's children by scanning every key of the file, which makes reading 10,000 <c>real_server</c> blocks
/// quadratic (minutes); here each lookup costs the size of its answer. Pure.
/// </summary>
internal sealed class ChildKeyIndex
{
    private readonly List<string> _root = [];
    private readonly Dictionary<string, List<string>> _children = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Indexes <paramref name="keys"/> (<c>virtual_server:0:real_server:3:weight</c>).</summary>
    public ChildKeyIndex(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            var start = 0;
            while (true)
            {
                var colon = key.IndexOf(':', start);
                var end = colon < 0 ? key.Length : colon;
                if (seen.Add(key[..end]))
                {
                    var siblings = start == 0 ? _root : Children(key[..(start - 1)]);
                    siblings.Add(key[start..end]);
                }

                if (colon < 0)
                {
                    break;
                }

                start = colon + 1;
            }
        }
    }

    /// <summary>The child keys of <paramref name="parentPath"/> (null: the top level), each once, in no particular order.</summary>
    public IReadOnlyList<string> Of(string? parentPath) =>
        parentPath is null ? _root : _children.TryGetValue(parentPath, out var children) ? children : [];

    private List<string> Children(string parent)
    {
        if (!_children.TryGetValue(parent, out var list))
        {
            _children[parent] = list = [];
        }

        return list;
    }
}
