using System.Net;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.SmtpCheck;

namespace Vigil.SmtpCheck.Tests.Support;

/// <summary>Reads an SMTP_CHECK block of a real server 127.0.0.1 PORT through <see cref="CheckerBlockReader"/>, as the checkers module does.</summary>
internal static class SmtpProbes
{
    private static readonly VirtualServerKey Vs = VirtualServerKey.Parse("10.0.0.1 25");

    /// <summary>The resolved settings (null when there are errors), the block and the issues of <paramref name="lines"/> (paths under SMTP_CHECK).</summary>
    public static (CheckSettings? Settings, IConfigurationSection Block, IReadOnlyList<ConfigIssue> Issues) Read(int port, params (string Path, string Value)[] lines)
    {
        var values = new Dictionary<string, string?>
        {
            ["virtual_server:0:name"] = "10.0.0.1 25",
            ["virtual_server:0:real_server:0:name"] = $"127.0.0.1 {port}",
        };
        foreach (var (path, value) in lines)
        {
            values[$"virtual_server:0:real_server:0:SMTP_CHECK:{path}"] = value;
        }

        // An empty SMTP_CHECK { } is a key without value or children, as the host's readers leave it.
        if (lines.Length == 0)
        {
            values["virtual_server:0:real_server:0:SMTP_CHECK"] = "";
        }
        var root = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var vs = root.GetSection("virtual_server:0");
        var rs = vs.GetSection("real_server:0");
        var block = rs.GetSection("SMTP_CHECK");
        var report = new ValidationReport(Unlocated.Instance);
        var context = new CheckContext(Vs, new RealServerKey(IPAddress.Loopback, port), TransportProtocol.Tcp, 1, null);
        var settings = CheckerBlockReader.Read(new SmtpChecker(), block, rs, vs, context, report);
        return (settings, block, report.Issues);
    }

    /// <summary>The check of a block that must validate cleanly.</summary>
    public static IHealthCheck Create(int port, params (string Path, string Value)[] lines)
    {
        var (settings, block, issues) = Read(port, lines);
        Assert.Empty(issues);
        return new SmtpChecker().Create(block, settings!);
    }

    /// <summary>The messages of the issues <paramref name="lines"/> raise.</summary>
    public static IReadOnlyList<string> Errors(params (string Path, string Value)[] lines) => Read(25, lines).Issues.Select(i => i.Message).ToList();

    private sealed class Unlocated : IConfigLocator
    {
        public static readonly Unlocated Instance = new();

        public SourceLocation? Locate(string path) => null;
    }
}
