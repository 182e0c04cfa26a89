using System.Globalization;
using Vigil.Abstractions.Configuration;
using Vigil.Linux.Tracking;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>Parses the lines of track_* list blocks: <c>name [weight N [reverse]]</c>.</summary>
internal static class TrackReferenceParser
{
    /// <summary>keepalived's weight range.</summary>
    public const int MaxWeight = 253;

    /// <summary>Parses every line of <paramref name="key"/> in <paramref name="values"/>' block, reporting bad lines.</summary>
    public static IReadOnlyList<TrackReference> Read(ConfigBlock values, string key)
    {
        var result = new List<TrackReference>();
        foreach (var item in ConfigSections.Items(values.Section.GetSection(key)))
        {
            if (item.Value is not { } line)
            {
                continue;
            }

            var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ok = tokens.Length > 0;
            int? weight = null;
            var reverse = false;
            if (!ok || !TryParseWeight(tokens, 1, out weight, out reverse))
            {
                values.Report.Error(item.Path, $"invalid {key} line '{line}' in {values.Context}");
            }
            else if (weight is < -MaxWeight or > MaxWeight)
            {
                values.Report.Error(item.Path, $"weight {weight} out of range -{MaxWeight}-{MaxWeight} in {key} of {values.Context}");
            }
            else
            {
                result.Add(new TrackReference(tokens[0], weight, reverse));
            }
        }

        return result;
    }

    /// <summary>
    /// Parses what follows a tracked object's name from <paramref name="tokens"/>[<paramref name="start"/>]:
    /// nothing, or <c>weight N [reverse]</c>. The range is not checked here.
    /// </summary>
    public static bool TryParseWeight(IReadOnlyList<string> tokens, int start, out int? weight, out bool reverse)
    {
        weight = null;
        reverse = false;
        for (var i = start; i < tokens.Count; i++)
        {
            if (tokens[i] == "weight" && i + 1 < tokens.Count
                && int.TryParse(tokens[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var w))
            {
                weight = w;
                i++;
            }
            else if (tokens[i] == "reverse" && weight is not null)
            {
                reverse = true;
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses <c>weight N [reverse]</c> written as a key of a block.</summary>
    public static (int Weight, bool Reverse) Weight(ConfigBlock values, int fallback) => TrackWeight.Read(values, fallback, MaxWeight);
}
