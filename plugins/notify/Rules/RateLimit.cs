using System.Globalization;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Notify.Rules;

/// <summary>At most <paramref name="Count"/> deliveries per <paramref name="Window"/>, written <c>10/60s</c>.</summary>
internal sealed record RateLimit(int Count, TimeSpan Window)
{
    public static bool TryParse(string text, out RateLimit? limit, out string? error)
    {
        limit = null;
        error = null;
        var parts = text.Split('/', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1)
        {
            error = $"rate_limit '{text}' is not COUNT/DURATION (e.g. 10/60s)";
            return false;
        }

        if (!ConfigValueParser.TryParseDuration(parts[1], out var window) || window <= TimeSpan.Zero)
        {
            error = $"rate_limit '{text}' has no valid window (e.g. 60s, 5m)";
            return false;
        }

        limit = new RateLimit(count, window);
        return true;
    }

    public override string ToString() => $"{Count}/{Window.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s";
}
