using System.Globalization;
using System.Net;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Configuration;

/// <summary>
/// The value forms keepalived-style configurations use, parsed one way for every module. Pure functions; the reporting
/// reader over a block is <see cref="ConfigBlock"/>.
/// </summary>
public static class ConfigValueParser
{
    private const double MaxDurationSeconds = 86400 * 366;

    /// <summary>
    /// keepalived's booleans: a bare keyword (stored as <c>true</c>) or an empty value is true; <c>true</c>, <c>yes</c>,
    /// <c>on</c>, <c>1</c> are true; <c>false</c>, <c>no</c>, <c>off</c>, <c>0</c> are false; anything else is not a boolean.
    /// </summary>
    public static bool TryParseFlag(string? text, out bool value)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "on" or "1" or "":
                value = true;
                return true;
            case "false" or "no" or "off" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>
    /// A duration: bare seconds, fractions allowed (<c>5</c>, <c>0.5</c>: keepalived's TIMER), or with a unit
    /// (<c>500ms</c>, <c>5s</c>, <c>2m</c>, <c>1h</c>). Negative values are not durations.
    /// </summary>
    public static bool TryParseDuration(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().ToLowerInvariant();
        var (number, scale) = t switch
        {
            _ when t.EndsWith("ms", StringComparison.Ordinal) => (t[..^2], 0.001),
            _ when t.EndsWith('s') => (t[..^1], 1.0),
            _ when t.EndsWith('m') => (t[..^1], 60.0),
            _ when t.EndsWith('h') => (t[..^1], 3600.0),
            _ => (t, 1.0),
        };
        // double.TryParse also reads "NaN" and "Infinity", which no configuration means (and TimeSpan refuses NaN).
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n) || n * scale > MaxDurationSeconds)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(n * scale);
        return true;
    }

    /// <summary>A whole number, optionally signed.</summary>
    public static bool TryParseInteger(string? text, out long value) =>
        long.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>An unsigned count in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static bool TryParseCount(string? text, int min, int max, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    /// <summary>
    /// An IPv4 or IPv6 address in full form, as keepalived (inet_pton) reads it: the <c>10.1</c> shorthands, octal
    /// <c>010.0.0.1</c> and hex <c>0x0a.0.0.1</c> parts that <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> accepts
    /// are refused. IPv4-mapped IPv6 (<c>::ffff:10.0.0.1</c>) is read as IPv4.
    /// </summary>
    public static bool TryParseAddress(string? text, out IPAddress address) =>
        EndpointText.TryParseAddress(text?.Trim() ?? "", out address);

    /// <summary>The words of a space-separated value.</summary>
    public static string[] Words(string? text) => (text ?? "").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
