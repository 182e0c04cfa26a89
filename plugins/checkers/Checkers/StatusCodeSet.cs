using System.Globalization;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Checkers.Checkers;

/// <summary>
/// The HTTP statuses a <c>url</c> accepts: keepalived's <c>status_code</c> list of codes and ranges
/// (<c>status_code 200 204 300-399</c>), 200-299 when none is written. Pure.
/// </summary>
internal sealed class StatusCodeSet
{
    private readonly (int Low, int High)[] _ranges;

    private StatusCodeSet((int Low, int High)[] ranges) => _ranges = ranges;

    /// <summary>keepalived's default: any 2xx.</summary>
    public static StatusCodeSet Default { get; } = new([(200, 299)]);

    /// <summary>The accepted ranges, as written.</summary>
    public IReadOnlyList<(int Low, int High)> Ranges => _ranges;

    /// <summary>True when <paramref name="status"/> is accepted.</summary>
    public bool Contains(int status) => _ranges.Any(r => status >= r.Low && status <= r.High);

    /// <summary>Parses a <c>status_code</c> value: codes 100-599 and ranges low-high, separated by spaces or commas.</summary>
    public static bool TryParse(string? text, out StatusCodeSet set, out string error)
    {
        set = Default;
        var words = ConfigValueParser.Words(text?.Replace(',', ' '));
        if (words.Length == 0)
        {
            error = "needs at least one status code";
            return false;
        }

        var ranges = new List<(int, int)>();
        foreach (var word in words)
        {
            var dash = word.IndexOf('-', StringComparison.Ordinal);
            var lowText = dash < 0 ? word : word[..dash];
            var highText = dash < 0 ? word : word[(dash + 1)..];
            if (!Code(lowText, out var low) || !Code(highText, out var high))
            {
                error = $"'{word}' is not a status code 100-599 or a range of them";
                return false;
            }

            if (low > high)
            {
                error = $"range '{word}' runs backwards";
                return false;
            }

            ranges.Add((low, high));
        }

        set = new StatusCodeSet([.. ranges]);
        error = "";
        return true;
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(' ', _ranges.Select(r => r.Low == r.High ? Text(r.Low) : $"{Text(r.Low)}-{Text(r.High)}"));

    private static bool Code(string text, out int code) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code) && code is >= 100 and <= 599;

    private static string Text(int code) => code.ToString(CultureInfo.InvariantCulture);
}
