using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Checkers.Tests.Support;

/// <summary>Builds real checks against 127.0.0.1 from checker block lines, as the engine would.</summary>
internal static class Probes
{
    public static readonly VirtualServerKey Vs = VirtualServerKey.Parse("10.0.0.1 80");

    /// <summary>Reads the block through <see cref="CheckerBlockReader"/> for a real server 127.0.0.1 <paramref name="port"/>; the issues, and the settings when clean.</summary>
    public static (CheckSettings? Settings, IConfigurationSection Block, IReadOnlyList<ConfigIssue> Issues) Read(
        IHealthChecker checker, int port, IEnumerable<(string Key, string Value)> block, string? virtualHost = null)
    {
        var lines = new List<(string, string)> { ("virtual_server:0:name", "10.0.0.1 80"), ("virtual_server:0:real_server:0:name", $"127.0.0.1 {port}") };
        lines.AddRange(block.Select(b => ($"virtual_server:0:real_server:0:{checker.Name}:{b.Key}", b.Value)));
        var configuration = TreeConfig.Build([.. lines]);
        var vs = configuration.Root.GetSection("virtual_server:0");
        var rs = vs.GetSection("real_server:0");
        var section = rs.GetSection(checker.Name);
        var report = new ValidationReport(configuration.Locator);
        var context = new CheckContext(Vs, new RealServerKey(IPAddress.Loopback, port), TransportProtocol.Tcp, 1, virtualHost);
        var settings = CheckerBlockReader.Read(checker, section, rs, vs, context, report);
        return (settings, section, report.Issues);
    }

    public static IHealthCheck Create(IHealthChecker checker, int port, IEnumerable<(string Key, string Value)> block, string? virtualHost = null)
    {
        var (settings, section, issues) = Read(checker, port, block, virtualHost);
        Assert.Empty(issues);
        return checker.Create(section, settings!);
    }

    /// <summary>A port on 127.0.0.1 nothing listens on.</summary>
    public static int ClosedPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
