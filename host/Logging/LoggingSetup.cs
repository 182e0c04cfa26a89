using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Vigil.Host.Options;

namespace Vigil.Host.Logging;

/// <summary>Console logging (journal-formatted under systemd) and, when enabled, syslog.</summary>
internal static class LoggingSetup
{
    public static ILoggerFactory Create(HostOptions options, IConfiguration hostConfiguration, bool detail)
    {
        return LoggerFactory.Create(logging =>
        {
            logging.AddConfiguration(hostConfiguration.GetSection("Logging"));
            logging.SetMinimumLevel(detail ? LogLevel.Debug : LogLevel.Information);
            if (Environment.GetEnvironmentVariable("JOURNAL_STREAM") is not null)
            {
                logging.AddSystemdConsole(o => o.TimestampFormat = null);
            }
            else
            {
                logging.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff ";
                    o.UseUtcTimestamp = false;
                    o.ColorBehavior = LoggerColorBehavior.Disabled;
                });
            }

            if (options.Syslog.Enabled && SyslogFacilities.TryParse(options.Syslog.Facility, out var facility))
            {
                logging.AddProvider(new SyslogLoggerProvider(facility, "vigil"));
            }
        });
    }
}
