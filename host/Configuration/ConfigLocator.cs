using Vigil.Abstractions.Configuration;

namespace Vigil.Host.Configuration;

/// <summary>Locates configuration paths from a table filled while a file was read, falling back to the nearest ancestor.</summary>
internal sealed class ConfigLocator : IConfigLocator
{
    private readonly Dictionary<string, SourceLocation> _locations;

    /// <summary>Wraps a path → location table (paths compare case-insensitively, as configuration keys do).</summary>
    public ConfigLocator(IReadOnlyDictionary<string, SourceLocation> locations) =>
        _locations = new Dictionary<string, SourceLocation>(locations, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every path with a location of its own.</summary>
    public IReadOnlyCollection<string> Paths => _locations.Keys;

    /// <inheritdoc />
    public SourceLocation? Locate(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (_locations.TryGetValue(current, out var location))
            {
                return location;
            }

            var cut = current.LastIndexOf(':');
            current = cut < 0 ? "" : current[..cut];
        }

        return null;
    }
}
