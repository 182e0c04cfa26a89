using System.Globalization;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Checkers.FileCheck;

/// <summary>A FILE_CHECK block: <c>track_file NAME</c> and its own <c>weight N [reverse|noreverse]</c>.</summary>
/// <param name="TrackFile">The global track_file it follows.</param>
/// <param name="Weight">Its own weight, or null to take the track_file's.</param>
/// <param name="Reverse">Its own reverse.</param>
internal sealed record FileCheckSpec(string TrackFile, int? Weight, bool Reverse)
{
    /// <summary>Reads <paramref name="block"/>, reporting every problem; null without a track_file.</summary>
    public static FileCheckSpec? Read(ConfigBlock block)
    {
        var name = block.String("track_file")?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            block.Report.Error(block.Section.Path, $"missing track_file in {block.Context}");
        }

        int? weight = null;
        var reverse = false;
        if (block.String("weight") is { } text)
        {
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is < 1 or > 2
                || !int.TryParse(words[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
                || value == int.MinValue
                || (words.Length == 2 && words[1] is not ("reverse" or "noreverse")))
            {
                block.Error("weight", $"invalid weight '{text}' in {block.Context} (expected N [reverse|noreverse], N within ±{int.MaxValue})");
            }
            else
            {
                weight = value;
                reverse = words.Length == 2 && words[1] == "reverse";
            }
        }

        return string.IsNullOrEmpty(name) ? null : new FileCheckSpec(name, weight, reverse);
    }
}
