using System.Globalization;
using Vigil.Abstractions.Configuration;

namespace Vigil.Linux.Tracking;

/// <summary>Reads keepalived's <c>weight N [reverse]</c> written as a key of a block.</summary>
public static class TrackWeight
{
    /// <summary>
    /// The weight and whether it is reversed; <paramref name="fallback"/> (not reversed) when absent or invalid, which is
    /// reported at the key.
    /// </summary>
    public static (int Weight, bool Reverse) Read(ConfigBlock values, int fallback, int max)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.String("weight") is not { } text)
        {
            return (fallback, false);
        }

        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length is < 1 or > 2 || (tokens.Length == 2 && tokens[1] != "reverse")
            || !int.TryParse(tokens[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var weight))
        {
            values.Report.Error(values.Path("weight"), $"invalid weight '{text}' in {values.Context}");
            return (fallback, false);
        }

        if (weight < -max || weight > max)
        {
            values.Report.Error(values.Path("weight"), $"weight {weight} out of range -{max}-{max} in {values.Context}");
            return (fallback, false);
        }

        return (weight, tokens.Length == 2);
    }
}
