using System.Net;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.SmtpCheck;

/// <summary>
/// The servers one SMTP_CHECK block talks to, as keepalived 2.2 reads them (check_smtp.c): the block's own connection,
/// and one more per deprecated <c>host { }</c> block. When hosts are written and the block sets none of the connection
/// keywords (<c>connect_ip</c>, <c>connect_port</c>, <c>bindto</c>, <c>bind_port</c>, <c>bind_if</c>, <c>fwmark</c>,
/// <c>connect_timeout</c>), the hosts alone are checked. A host connects to the real server unless it says otherwise;
/// a port left unwritten is the real server's (25 when the real server has none). Pure.
/// </summary>
internal static class SmtpTargets
{
    /// <summary>The port of a real server written without one.</summary>
    public const int DefaultPort = 25;

    /// <summary>What a <c>host</c> block may contain.</summary>
    public static readonly IReadOnlySet<string> HostKeywords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "connect_ip", "connect_port", "bindto", "bind_port", "bind_if", "fwmark", "connect_timeout",
    };

    /// <summary>
    /// Validates the <c>host</c> blocks of <paramref name="block"/>, reporting each problem with its file and line, and
    /// returns the servers to check: none when <paramref name="settings"/> is null (validation only).
    /// </summary>
    public static IReadOnlyList<SmtpTarget> Read(ConfigBlock block, CheckSettings? settings)
    {
        var targets = new List<SmtpTarget>();
        var hosts = block.Has("host") ? ConfigSections.Blocks(block.Section.GetSection("host")) : [];
        if (settings is not null && (hosts.Count == 0 || HostKeywords.Any(block.Has)))
        {
            targets.Add(new SmtpTarget(WithPort(settings.Connect, settings.Connect.Port), settings.Bind, settings.BindInterface, settings.Fwmark, settings.ConnectTimeout));
        }

        foreach (var (host, index) in hosts.Select((h, i) => (h, i + 1)))
        {
            var where = $"host {index} of {block.Context}";
            if (host.Value is not null && !host.GetChildren().Any())
            {
                block.Error("host", $"host needs a block {{ connect_ip …; connect_port … }} in {block.Context}");
                continue;
            }

            block.Report.CheckKeywords(host, where, HostKeywords);
            if (Host(new ConfigBlock(host, where, block.Report), settings) is { } target)
            {
                targets.Add(target);
            }
        }

        return targets;
    }

    private static SmtpTarget? Host(ConfigBlock host, CheckSettings? settings)
    {
        var address = host.Address("connect_ip");
        var port = host.Port("connect_port");
        var bindto = host.Address("bindto");
        var bindPort = host.Port("bind_port");
        var fwmark = host.Long("fwmark", 1, uint.MaxValue);
        var timeout = host.Timer("connect_timeout", 0.001m, 3600m);
        if (bindPort is not null && bindto is null)
        {
            host.Error("bind_port", $"bind_port needs bindto in {host.Context}");
        }

        if (bindto is not null && address is not null && bindto.AddressFamily != address.AddressFamily)
        {
            host.Error("bindto", $"bindto {bindto} and connect_ip {address} are of different address families in {host.Context}");
        }

        if (settings is null)
        {
            return null;
        }

        var real = settings.Context.RealServer;
        return new SmtpTarget(
            WithPort(new IPEndPoint(address ?? real.Address, 0), port ?? real.Port),
            bindto is null ? null : new IPEndPoint(bindto, bindPort ?? 0),
            host.String("bind_if"),
            (uint)(fwmark ?? 0),
            timeout ?? settings.ConnectTimeout);
    }

    private static IPEndPoint WithPort(IPEndPoint endpoint, int port) => new(endpoint.Address, port == 0 ? DefaultPort : port);
}
