using System.Net.Mail;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Notify.Configuration;

/// <summary>Reads the notify keys of <c>global_defs</c>.</summary>
internal static class GlobalDefsReader
{
    /// <summary>The global_defs keys the notify module claims.</summary>
    public static readonly IReadOnlyCollection<string> Keys =
    [
        "notification_email", "notification_email_from", "smtp_server", "smtp_connect_timeout", "smtp_helo_name",
        "smtp_alert", "smtp_alert_vrrp", "smtp_alert_checker", "no_email_faults",
        "notify_fifo", "notify_fifo_script", "vrrp_notify_fifo", "vrrp_notify_fifo_script",
        "lvs_notify_fifo", "lvs_notify_fifo_script", "enable_script_security", "script_user",
    ];

    public static GlobalNotifySettings Read(ClusterConfiguration configuration, string host, ValidationReport report, List<FifoScript> fifos)
    {
        var defs = ConfigSections.Items(configuration.Section("global_defs")).FirstOrDefault() ?? configuration.Section("global_defs");
        var routerId = defs["router_id"] is { Length: > 0 } id ? id : host;

        var recipients = new List<string>();
        foreach (var item in ConfigSections.Items(defs.GetSection("notification_email")))
        {
            foreach (var address in ConfigValueParser.Words(item.Value))
            {
                if (MailAddress.TryCreate(address, out _))
                {
                    recipients.Add(address);
                }
                else
                {
                    report.Error(item.Path, $"notification_email '{address}' is not an e-mail address in global_defs");
                }
            }
        }

        var from = defs["notification_email_from"] ?? $"keepalived@{host}";
        if (!MailAddress.TryCreate(from, out _))
        {
            report.Error(defs.GetSection("notification_email_from").Path, $"notification_email_from '{from}' is not an e-mail address in global_defs");
        }

        var (server, port) = ReadServer(defs.GetSection("smtp_server"), report);
        var timeout = TimeSpan.FromSeconds(30);
        var timeoutKey = defs.GetSection("smtp_connect_timeout");
        if (timeoutKey.Value is not null && (!ConfigValueParser.TryParseDuration(timeoutKey.Value, out timeout) || timeout <= TimeSpan.Zero))
        {
            report.Error(timeoutKey.Path, $"smtp_connect_timeout '{timeoutKey.Value}' is not a positive number of seconds in global_defs");
            timeout = TimeSpan.FromSeconds(30);
        }

        var smtp = new SmtpSettings(server, port, from, defs["smtp_helo_name"] ?? host, timeout, recipients);
        var flags = new ConfigBlock(defs, "global_defs", report);
        var security = flags.Flag("enable_script_security");
        var user = defs["script_user"] is { Length: > 0 } u ? ConfigValueParser.Words(u)[0] : null;

        AddFifo(defs, "notify_fifo", fifos);
        AddFifo(defs, "vrrp_notify_fifo", fifos);
        AddFifo(defs, "lvs_notify_fifo", fifos);

        return new GlobalNotifySettings(
            routerId,
            host,
            smtp,
            flags.Flag("smtp_alert"),
            flags.OptionalFlag("smtp_alert_vrrp"),
            flags.OptionalFlag("smtp_alert_checker"),
            flags.Flag("no_email_faults"),
            security,
            user);
    }

    private static (string? Server, int Port) ReadServer(IConfigurationSection key, ValidationReport report)
    {
        var words = ConfigValueParser.Words(key.Value);
        if (words.Length == 0)
        {
            return (null, 25);
        }

        var port = 25;
        if (words.Length > 2 || (words.Length == 2 && !ConfigValueParser.TryParseCount(words[1], 1, 65535, out port)))
        {
            report.Error(key.Path, $"smtp_server '{key.Value}' is not 'HOST [PORT]' in global_defs");
            return (null, 25);
        }

        return (words[0], port);
    }

    private static void AddFifo(IConfigurationSection defs, string key, List<FifoScript> fifos)
    {
        var path = ConfigValueParser.Words(defs[key]).FirstOrDefault();
        if (path is not null)
        {
            fifos.Add(new FifoScript(path, defs[key + "_script"], defs.GetSection(key).Path));
        }
    }
}
