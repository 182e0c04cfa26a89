using System.Net;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Abstractions.Checks;

/// <summary>
/// Reads one checker block inside a <c>real_server</c>: reports unknown keywords, validates the standard ones and hands
/// the checker's own to <see cref="IHealthChecker.Validate"/>, and resolves the settings the block inherits. The owner of
/// <c>real_server</c> calls it to validate, the checkers module to create checks, so both agree.
/// </summary>
/// <remarks>
/// Inheritance, as keepalived.conf(5) documents it: <c>alpha</c>, <c>connect_timeout</c>, <c>retry</c>,
/// <c>delay_before_retry</c>, <c>warmup</c> and <c>delay_loop</c> come from the checker block, else the real server,
/// else the virtual server; <c>connect_ip</c>/<c>connect_port</c> default to the real server (or the checker's default
/// port); <c>omega</c> is the virtual server's.
/// </remarks>
public static class CheckerBlockReader
{
    private static readonly TimeSpan DefaultDelayLoop = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Validates <paramref name="checkerBlock"/> and returns its resolved settings, or null when it has errors: an unknown
    /// keyword, a rejected value in the block or in one it inherits, or an error from <see cref="IHealthChecker.Validate"/>
    /// (each reported with its file and line, once however often it is read).
    /// </summary>
    /// <param name="checker">The checker registered under the block's keyword.</param>
    /// <param name="checkerBlock">The checker's block.</param>
    /// <param name="realServer">The enclosing <c>real_server</c> block.</param>
    /// <param name="virtualServer">The enclosing <c>virtual_server</c> block.</param>
    /// <param name="context">The parsed identities and inherited values of the real server.</param>
    /// <param name="report">Where problems go.</param>
    public static CheckSettings? Read(
        IHealthChecker checker,
        IConfigurationSection checkerBlock,
        IConfigurationSection realServer,
        IConfigurationSection virtualServer,
        CheckContext context,
        ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(checkerBlock);
        ArgumentNullException.ThrowIfNull(realServer);
        ArgumentNullException.ThrowIfNull(virtualServer);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);

        // Counted with repeats: a second checker inheriting one bad value, or a second read of this block, adds no issue
        // to the report (it keeps each once) yet is as wrong as the first.
        var errorsBefore = report.ErrorsReported;
        var where = $"{checker.Name} of {ConfigSections.Describe(realServer, "real_server")}";
        var schema = checker.Schema;
        report.CheckKeywords(checkerBlock, where, CheckerKeywords.For(schema));
        var levels = new[]
        {
            new ConfigBlock(checkerBlock, where, report),
            new ConfigBlock(realServer, ConfigSections.Describe(realServer, "real_server"), report),
            new ConfigBlock(virtualServer, ConfigSections.Describe(virtualServer, "virtual_server"), report),
        };
        var own = levels[0];

        // A checker without the standard timing keywords (FILE_CHECK) still inherits them from its servers; its own
        // block's copies are unknown keywords, already reported, so they are not read again.
        var reading = new Reading(schema.Standard.HasFlag(StandardCheckerOptions.Timing) ? levels : levels[1..]);

        var delayLoop = reading.Timer("delay_loop", 0.001m, 86400m) ?? DefaultDelayLoop;
        var schedule = new CheckSchedule(
            delayLoop,
            reading.Timer("warmup", 0m, 86400m) ?? delayLoop,
            reading.Retry() ?? schema.DefaultRetry,
            reading.Timer("delay_before_retry", 0m, 86400m) ?? schema.DefaultDelayBeforeRetry ?? delayLoop,
            reading.Flag("alpha"),
            levels[2].Flag("omega"),
            schema.Standard.HasFlag(StandardCheckerOptions.Timing) && own.Flag("log_all_failures"));
        var connectTimeout = reading.Timer("connect_timeout", 0.001m, 3600m) ?? DefaultConnectTimeout;

        var connection = schema.Standard.HasFlag(StandardCheckerOptions.Connection);
        var connectAddress = (connection ? own.Address("connect_ip") : null) ?? context.RealServer.Address;
        var connectPort = (connection ? own.Port("connect_port") : null) ?? schema.DefaultConnectPort ?? context.RealServer.Port;
        var bindAddress = connection ? own.Address("bindto") : null;
        var bindPort = connection ? own.Port("bind_port") : null;
        var fwmark = connection ? own.Long("fwmark", 1, uint.MaxValue) : null;
        if (bindAddress is not null && bindAddress.AddressFamily != connectAddress.AddressFamily)
        {
            own.Error("bindto", $"bindto {bindAddress} and the checked address {connectAddress} are of different address families in {where}");
        }

        if (bindPort is not null && bindAddress is null)
        {
            own.Error("bind_port", $"bind_port needs bindto in {where}");
        }

        // Unknown keywords, rejected values at any level (flags included) and the checker's own errors all count.
        checker.Validate(own);
        if (report.ErrorsReported > errorsBefore)
        {
            return null;
        }

        return new CheckSettings(
            context,
            new IPEndPoint(connectAddress, connectPort),
            bindAddress is null ? null : new IPEndPoint(bindAddress, bindPort ?? 0),
            connection ? own.String("bind_if") : null,
            (uint)(fwmark ?? 0),
            connectTimeout,
            schedule);
    }

    /// <summary>One read across the levels: each keyword from the first level that writes it.</summary>
    private sealed class Reading(ConfigBlock[] levels)
    {
        public TimeSpan? Timer(string key, decimal min, decimal max) => First(key)?.Timer(key, min, max);

        public bool Flag(string key)
        {
            var level = First(key);
            return level is not null && level.Flag(key);
        }

        /// <summary><c>retry</c>, or its deprecated spelling <c>nb_get_retry</c> at the same level.</summary>
        public int? Retry()
        {
            foreach (var level in levels)
            {
                var key = level.Has("retry") ? "retry" : level.Has("nb_get_retry") ? "nb_get_retry" : null;
                if (key is not null)
                {
                    return level.Int(key, 0, 1_000_000);
                }
            }

            return null;
        }

        private ConfigBlock? First(string key) => levels.FirstOrDefault(l => l.Has(key));
    }
}
