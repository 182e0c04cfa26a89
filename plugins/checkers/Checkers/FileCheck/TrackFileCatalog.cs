using Vigil.Linux.Tracking;

namespace Vigil.Plugins.Checkers.Checkers.FileCheck;

/// <summary>
/// The global <c>track_file</c> blocks of the running configuration, which FILE_CHECKs look up by name at every probe,
/// so a reload that changes a block's file or weight reaches the checks that stay.
/// </summary>
public sealed class TrackFileCatalog
{
    private volatile IReadOnlyDictionary<string, TrackFileDefinition> _files = new Dictionary<string, TrackFileDefinition>();

    /// <summary>Replaces the blocks.</summary>
    public void Use(IReadOnlyDictionary<string, TrackFileDefinition> files) => _files = files;

    /// <summary>The block named <paramref name="name"/>, or null.</summary>
    public TrackFileDefinition? Find(string name) => _files.GetValueOrDefault(name);
}
