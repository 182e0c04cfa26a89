using System.Globalization;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>Reads typed values from a block, reporting malformed or out-of-range ones with the block's name.</summary>
internal sealed class ConfigValues(IConfigurationSection block, string context, ValidationReport report)
{
    /// <summary>The block.</summary>
    public IConfigurationSection Block => block;

    /// <summary>The human name of the block (<c>vrrp_instance VI_1</c>).</summary>
    public string Context => context;

    /// <summary>The report.</summary>
    public ValidationReport Report => report;

    /// <summary>The raw string, or null.</summary>
    public string? String(string key) => block[key];

    /// <summary>True when a bare keyword is present (and not written "false").</summary>
    public bool Flag(string key) => block[key] is { } v && !string.Equals(v, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>An integer in [min, max]; errors name the block: <c>priority 300 out of range 1-255 in vrrp_instance VI_1</c>.</summary>
    public int? Int(string key, int min, int max)
    {
        if (block[key] is not { } text)
        {
            return null;
        }

        var first = text.Split(' ')[0];
        if (!long.TryParse(first, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            report.Error(Path(key), $"invalid {key} '{text}' in {context}");
            return null;
        }

        if (value < min || value > max)
        {
            report.Error(Path(key), $"{key} {value} out of range {min}-{max} in {context}");
            return null;
        }

        return (int)value;
    }

    /// <summary>A non-negative decimal number of seconds in [min, max].</summary>
    public decimal? Seconds(string key, decimal min, decimal max)
    {
        if (block[key] is not { } text)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            report.Error(Path(key), $"invalid {key} '{text}' in {context}");
            return null;
        }

        if (value < min || value > max)
        {
            report.Error(Path(key), $"{key} {text} out of range {min.ToString(CultureInfo.InvariantCulture)}-{max.ToString(CultureInfo.InvariantCulture)} in {context}");
            return null;
        }

        return value;
    }

    /// <summary>The path of a key of this block.</summary>
    public string Path(string key) => ConfigurationPath.Combine(block.Path, key);
}
