using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Linux.Tracking;

/// <summary>
/// Reads and validates <c>track_file</c> blocks for every module that follows them (VRRP, the checkers), so each reports
/// the same issues, which a report keeps once.
/// </summary>
public static class TrackFileBlockReader
{
    /// <summary>keepalived's range of a track_file's own weight.</summary>
    public const int MaxWeight = 254;

    /// <summary>The keywords of a track_file block.</summary>
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "file", "weight", "init_file" };

    /// <summary>Every well-formed <c>track_file</c> block of <paramref name="configuration"/> by name; a repeated name is an error.</summary>
    public static IReadOnlyDictionary<string, TrackFileDefinition> ReadAll(ClusterConfiguration configuration, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var files = new Dictionary<string, TrackFileDefinition>(StringComparer.Ordinal);
        foreach (var block in ConfigSections.Items(configuration.Section("track_file")))
        {
            var file = Read(block, "track_file", report);
            if (!files.TryAdd(file.Name, file))
            {
                report.Error(block.Path, $"duplicate track_file {file.Name}");
            }
        }

        return files;
    }

    /// <summary>
    /// Parses one block written under <paramref name="keyword"/> (<c>track_file</c>, or the older <c>vrrp_track_file</c>).
    /// A block without its file is reported and still returned, so references to it are not reported again.
    /// </summary>
    public static TrackFileDefinition Read(IConfigurationSection block, string keyword, ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(report);
        var context = ConfigSections.Describe(block, keyword);
        var values = new ConfigBlock(block, context, report);
        report.CheckKeywords(block, context, Keywords);
        var file = values.String("file");
        if (string.IsNullOrWhiteSpace(file))
        {
            report.Error(block.Path, $"missing file in {context}");
        }

        if (block.GetSection("init_file").Exists())
        {
            report.Warning(values.Path("init_file"), $"'init_file' in {context} is not supported by Vigil and is ignored");
        }

        var (weight, reverse) = TrackWeight.Read(values, 1, MaxWeight);
        return new TrackFileDefinition(block["name"] ?? "", file ?? "", weight, reverse, values.String("init_file"));
    }
}
