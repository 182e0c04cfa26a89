using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Vigil.Linux.Netlink.Route;

/// <summary>A rule in ip-rule(8)'s words, for logs and error messages.</summary>
public static class RuleText
{
    /// <summary><c>from 192.168.28.0/24 preference 100 lookup 1</c>.</summary>
    public static string Format(RuleSpec spec)
    {
        var text = new StringBuilder();
        if (spec.Family == AddressFamily.InterNetworkV6 && spec.Source is null && spec.Destination is null)
        {
            text.Append("inet6 ");
        }

        text.Append(spec.Invert ? "not " : "")
            .Append(spec.Source is { } source ? $"from {source}/{spec.SourceLength}" : "from all");
        Append(text, "to", spec.Destination is { } destination ? $"{destination}/{spec.DestinationLength}" : null);
        Append(text, "preference", spec.Priority?.ToString(CultureInfo.InvariantCulture));
        Append(text, "fwmark", spec.FwMark is { } mark ? "0x" + mark.ToString("x", CultureInfo.InvariantCulture) + (spec.FwMask is { } mask ? "/0x" + mask.ToString("x", CultureInfo.InvariantCulture) : "") : null);
        Append(text, "iif", spec.InputInterface);
        Append(text, "oif", spec.OutputInterface);
        text.Append(spec.Action switch
        {
            RuleAction.Table when spec.L3mdev => " l3mdev",
            RuleAction.Table => " lookup " + spec.Table.ToString(CultureInfo.InvariantCulture),
            RuleAction.Goto => " goto " + spec.GotoTarget?.ToString(CultureInfo.InvariantCulture),
            var other => " " + other.ToString().ToLowerInvariant(),
        });
        return text.ToString();
    }

    private static void Append(StringBuilder text, string key, string? value)
    {
        if (value is not null)
        {
            text.Append(' ').Append(key).Append(' ').Append(value);
        }
    }
}
