using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Notify.Rules;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>Reads <c>notify_options { … }</c>.</summary>
internal static class OptionsReader
{
    private static readonly HashSet<string> Known =
        ["queue_size", "script_timeout", "retries", "retry_backoff", "max_backoff", "status_failures", "email_rate_limit", "email_coalesce"];

    public static NotifyOptions Read(ClusterConfiguration configuration, ValidationReport report)
    {
        var options = NotifyOptions.Default;
        foreach (var block in ConfigSections.Items(configuration.Section("notify_options")))
        {
            report.CheckKeywords(block, "notify_options", Known);
            options = options with
            {
                QueueSize = Count(block, "queue_size", 1, 100_000, report) ?? options.QueueSize,
                ScriptTimeout = Duration(block, "script_timeout", report) ?? options.ScriptTimeout,
                Retries = Count(block, "retries", 0, 100, report) ?? options.Retries,
                Backoff = Duration(block, "retry_backoff", report) ?? options.Backoff,
                MaxBackoff = Duration(block, "max_backoff", report) ?? options.MaxBackoff,
                FailuresKept = Count(block, "status_failures", 1, 1000, report) ?? options.FailuresKept,
                EmailThrottle = new Throttle(
                    Duration(block, "email_coalesce", report),
                    Limit(block, "email_rate_limit", "notify_options", report)),
            };
        }

        return options;
    }

    public static int? Count(IConfigurationSection block, string key, int min, int max, ValidationReport report, string context = "notify_options")
    {
        var section = block.GetSection(key);
        if (section.Value is null)
        {
            return null;
        }

        if (ConfigValueParser.TryParseCount(section.Value, min, max, out var value))
        {
            return value;
        }

        report.Error(section.Path, $"{key} {section.Value} out of range {min}-{max} in {context}");
        return null;
    }

    public static TimeSpan? Duration(IConfigurationSection block, string key, ValidationReport report, string context = "notify_options")
    {
        var section = block.GetSection(key);
        if (section.Value is null)
        {
            return null;
        }

        if (ConfigValueParser.TryParseDuration(section.Value, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        report.Error(section.Path, $"{key} '{section.Value}' is not a duration (5, 500ms, 5s, 2m) in {context}");
        return null;
    }

    public static RateLimit? Limit(IConfigurationSection block, string key, string context, ValidationReport report)
    {
        var section = block.GetSection(key);
        if (section.Value is null)
        {
            return null;
        }

        if (RateLimit.TryParse(section.Value, out var limit, out var error))
        {
            return limit;
        }

        report.Error(section.Path, $"{error} in {context}");
        return null;
    }
}
