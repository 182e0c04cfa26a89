using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace Vigil.Abstractions.Configuration;

/// <summary>
/// Reads typed values from one configuration block and reports malformed or out-of-range ones, naming the key and the
/// block (<c>priority 300 out of range 1-255 in vrrp_instance VI_1</c>), at the file and line the value came from.
/// Every module reads its keywords through it, so one keyword form means the same everywhere.
/// </summary>
/// <param name="section">The block.</param>
/// <param name="context">The block's human name (<c>vrrp_instance VI_1</c>).</param>
/// <param name="report">Where problems go.</param>
public sealed class ConfigBlock(IConfigurationSection section, string context, ValidationReport report)
{
    /// <summary>The block.</summary>
    public IConfigurationSection Section => section;

    /// <summary>The block's human name.</summary>
    public string Context => context;

    /// <summary>Where problems go.</summary>
    public ValidationReport Report => report;

    /// <summary>True when <paramref name="key"/> is written in the block (as a value or a block).</summary>
    public bool Has(string key) => section.GetSection(key).Exists();

    /// <summary>The raw string, or null when absent.</summary>
    public string? String(string key) => section[key];

    /// <summary>
    /// A keepalived boolean (see <see cref="ConfigValueParser.TryParseFlag"/>): <paramref name="absent"/> when the key is not
    /// written; a value that is not a boolean is reported and read as <paramref name="absent"/>.
    /// </summary>
    public bool Flag(string key, bool absent = false) => OptionalFlag(key) ?? absent;

    /// <summary>
    /// A keepalived boolean that may be left unwritten (to inherit it, say): null when absent, or when it is not a
    /// boolean, which is reported.
    /// </summary>
    public bool? OptionalFlag(string key)
    {
        if (section[key] is not { } text)
        {
            return null;
        }

        if (ConfigValueParser.TryParseFlag(text, out var value))
        {
            return value;
        }

        report.Error(Path(key), $"invalid {key} '{text}' in {context} (expected yes or no)");
        return null;
    }

    /// <summary>An integer in [min, max] (the first word of the value); null when absent or reported.</summary>
    public int? Int(string key, int min, int max)
    {
        var value = Long(key, min, max);
        return value is null ? null : (int)value;
    }

    /// <summary>A 64-bit integer in [min, max] (the first word of the value); null when absent or reported.</summary>
    public long? Long(string key, long min, long max)
    {
        if (section[key] is not { } text)
        {
            return null;
        }

        var first = ConfigValueParser.Words(text).FirstOrDefault() ?? "";
        if (!ConfigValueParser.TryParseInteger(first, out var value))
        {
            report.Error(Path(key), $"invalid {key} '{text}' in {context}");
            return null;
        }

        if (value < min || value > max)
        {
            report.Error(Path(key), $"{key} {value.ToString(CultureInfo.InvariantCulture)} out of range {min.ToString(CultureInfo.InvariantCulture)}-{max.ToString(CultureInfo.InvariantCulture)} in {context}");
            return null;
        }

        return value;
    }

    /// <summary>A non-negative decimal number of seconds in [min, max] (keepalived's TIMER); null when absent or reported.</summary>
    public decimal? Seconds(string key, decimal min, decimal max)
    {
        if (section[key] is not { } text)
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

    /// <summary><see cref="Seconds"/> as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan? Timer(string key, decimal min, decimal max) =>
        Seconds(key, min, max) is { } seconds ? TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond)) : null;

    /// <summary>
    /// A duration in [min, max]: seconds (<c>5</c>, <c>0.5</c>) or with a unit (<c>500ms</c>, <c>2m</c>, <c>1h</c>); null when
    /// absent or reported.
    /// </summary>
    public TimeSpan? Duration(string key, TimeSpan min, TimeSpan max)
    {
        if (section[key] is not { } text)
        {
            return null;
        }

        if (!ConfigValueParser.TryParseDuration(text, out var value))
        {
            report.Error(Path(key), $"invalid {key} '{text}' in {context}: not a duration (5, 0.5, 500ms, 2m, 1h)");
            return null;
        }

        if (value < min || value > max)
        {
            report.Error(Path(key), $"{key} {text} out of range {Text(min)}-{Text(max)} in {context}");
            return null;
        }

        return value;
    }

    /// <summary>An IP address; null when absent or reported.</summary>
    public IPAddress? Address(string key)
    {
        if (section[key] is not { } text)
        {
            return null;
        }

        if (ConfigValueParser.TryParseAddress(text, out var address))
        {
            return address;
        }

        report.Error(Path(key), $"invalid {key} '{text}' in {context}: not an IP address");
        return null;
    }

    /// <summary>A port in 1-65535; null when absent or reported.</summary>
    public int? Port(string key) => Int(key, 1, 65535);

    /// <summary>Reports an error at <paramref name="key"/> of this block.</summary>
    public void Error(string key, string message) => report.Error(Path(key), message);

    /// <summary>Reports a warning at <paramref name="key"/> of this block.</summary>
    public void Warning(string key, string message) => report.Warning(Path(key), message);

    /// <summary>A reader over the child block <paramref name="key"/>, named <paramref name="childContext"/>.</summary>
    public ConfigBlock Child(string key, string childContext) => new(section.GetSection(key), childContext, report);

    /// <summary>The configuration path of a key of this block.</summary>
    public string Path(string key) => ConfigurationPath.Combine(section.Path, key);

    private static string Text(TimeSpan duration) =>
        duration < TimeSpan.FromSeconds(1)
            ? $"{duration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms"
            : $"{duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
}
