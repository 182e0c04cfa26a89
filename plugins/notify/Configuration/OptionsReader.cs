using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Notify.Rules;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>Reads <c>notify_options { … }</c>.</summary>
internal static class OptionsReader
{
    private static readonly HashSet<string> Known =
        ["queue_size", "script_timeout", "retries", "retry_backoff", "max_backoff", "status_failures", "email_rate_limit", "email_coalesce"];

    /// <summary>The shortest duration a notify keyword takes (timeouts, backoffs, coalescing windows).</summary>
    public static readonly TimeSpan MinDuration = TimeSpan.FromMilliseconds(1);

    /// <summary>The longest duration a notify keyword takes.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(1);

    public static NotifyOptions Read(ClusterConfiguration configuration, ValidationReport report)
    {
        var options = NotifyOptions.Default;
        foreach (var block in ConfigSections.Items(configuration.Section("notify_options")))
        {
            report.CheckKeywords(block, "notify_options", Known);
            var values = new ConfigBlock(block, "notify_options", report);
            options = options with
            {
                QueueSize = values.Int("queue_size", 1, 100_000) ?? options.QueueSize,
                ScriptTimeout = values.Duration("script_timeout", MinDuration, MaxDuration) ?? options.ScriptTimeout,
                Retries = values.Int("retries", 0, 100) ?? options.Retries,
                Backoff = values.Duration("retry_backoff", MinDuration, MaxDuration) ?? options.Backoff,
                MaxBackoff = values.Duration("max_backoff", MinDuration, MaxDuration) ?? options.MaxBackoff,
                FailuresKept = values.Int("status_failures", 1, 1000) ?? options.FailuresKept,
                EmailThrottle = new Throttle(
                    values.Duration("email_coalesce", MinDuration, MaxDuration),
                    Limit(block, "email_rate_limit", "notify_options", report)),
            };
        }

        return options;
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
