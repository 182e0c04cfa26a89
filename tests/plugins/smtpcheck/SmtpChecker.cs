using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;

namespace Vigil.TestPlugins.SmtpCheck;

/// <summary>SMTP_CHECK: the server must greet with 220 and answer HELO with 250.</summary>
public sealed class SmtpChecker : IHealthChecker
{
    private static readonly HashSet<string> Keywords =
        ["connect_ip", "connect_port", "connect_timeout", "helo_name", "retry", "delay_before_retry", "bindto", "bind_port", "warmup"];

    public string Name => "SMTP_CHECK";

    public void Validate(IConfigurationSection block, ValidationReport report)
    {
        report.CheckKeywords(block, "SMTP_CHECK", Keywords);
        CheckInt(block, "connect_port", 1, 65535, report);
        CheckInt(block, "connect_timeout", 1, 3600, report);
        CheckInt(block, "retry", 0, 100, report);
        if (block["connect_ip"] is { } ip && !IPAddress.TryParse(ip, out _))
        {
            report.Error(block.GetSection("connect_ip").Path, $"invalid connect_ip '{ip}' in SMTP_CHECK");
        }
    }

    public IHealthCheck Create(IConfigurationSection block, CheckTarget target)
    {
        var address = block["connect_ip"] is { } ip ? IPAddress.Parse(ip) : target.Address;
        var port = block["connect_port"] is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : 25;
        var timeout = TimeSpan.FromSeconds(block["connect_timeout"] is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : 5);
        return new SmtpCheck(new IPEndPoint(address, port), block["helo_name"] ?? Dns.GetHostName(), timeout);
    }

    private static void CheckInt(IConfigurationSection block, string key, int min, int max, ValidationReport report)
    {
        if (block[key] is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max))
        {
            report.Error(block.GetSection(key).Path, $"{key} {text} out of range {min}-{max} in SMTP_CHECK");
        }
    }
}
