using System.Net;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;

namespace Vigil.TestPlugins.SmtpCheck;

/// <summary>SMTP_CHECK: the server must greet with 220 and answer HELO with 250. Port 25 unless connect_port says otherwise.</summary>
public sealed class SmtpChecker : IHealthChecker
{
    public string Name => "SMTP_CHECK";

    public CheckerSchema Schema { get; } = new(["helo_name"]) { DefaultConnectPort = 25 };

    public void Validate(ConfigBlock block)
    {
        if (block.String("helo_name") is { } helo && (helo.Length == 0 || helo == "true" || helo.Contains(' ')))
        {
            block.Error("helo_name", $"helo_name needs one host name in {block.Context}");
        }
    }

    public IHealthCheck Create(IConfigurationSection block, CheckSettings settings) =>
        new SmtpCheck(settings.Connect, block["helo_name"] ?? Dns.GetHostName(), settings.ConnectTimeout);
}
