using System.Globalization;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>
/// Checks virtual_routes / static_routes lines against what the engine installs (<c>[to] PREFIX|default [via|gw A]
/// [dev|oif N] [src A] [metric|preference N] [table N|main] [scope S]</c>). keepalived's other value options are
/// warned about and ignored; route types, flags and multi-word options would be installed wrongly, so they are errors.
/// </summary>
internal static class RouteLineChecker
{
    private static readonly HashSet<string> Honoured = ["via", "gw", "dev", "oif", "src", "metric", "preference", "table", "scope"];

    private static readonly HashSet<string> IgnoredWithValue =
    [
        "protocol", "proto", "tos", "dsfield", "realms", "mtu", "hoplimit", "advmss", "rtt", "rttvar", "reordering", "window",
        "cwnd", "initcwnd", "initrwnd", "ssthresh", "features", "quickack", "congctl", "rto_min", "pref", "fastopen_no_cookie",
        "ttl-propagate", "expires", "track_group",
    ];

    private static readonly HashSet<string> RouteTypes =
        ["unicast", "blackhole", "unreachable", "prohibit", "throw", "local", "broadcast", "anycast", "multicast", "nat"];

    private static readonly HashSet<string> Scopes = ["global", "universe", "site", "link", "host", "nowhere"];

    /// <summary>Checks every line of <paramref name="list"/>; <paramref name="context"/> is null for static_routes.</summary>
    public static void Check(IConfigurationSection list, string? context, ValidationReport report)
    {
        var where = ListLineMessages.Where(list, context);
        foreach (var item in ConfigSections.Items(list))
        {
            if (item.Value is not { } line)
            {
                continue;
            }

            var error = Check(line, ignored => report.Warning(item.Path, $"'{ignored}' in {where} is not supported by Vigil and is ignored"));
            if (error.Length > 0)
            {
                report.Error(item.Path, ListLineMessages.Invalid(list, context, line, error));
            }
        }
    }

    /// <summary>Why <paramref name="line"/> cannot be installed, or "" when it can.</summary>
    public static string Check(string line, Action<string> ignored)
    {
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var i = tokens.Length > 0 && tokens[0] == "to" ? 1 : 0;
        if (i >= tokens.Length)
        {
            return "missing destination";
        }

        if (Honoured.Contains(tokens[i]) || IgnoredWithValue.Contains(tokens[i]))
        {
            return $"'{tokens[i]}' before the destination is not supported by Vigil; write the destination first";
        }

        if (RouteTypes.Contains(tokens[i]))
        {
            return $"route type '{tokens[i]}' is not supported by Vigil";
        }

        if (tokens[i] != "default" && !VirtualAddress.TryParseCidr(tokens[i], out _, out _))
        {
            return $"invalid destination '{tokens[i]}'";
        }

        for (i++; i < tokens.Length; i += 2)
        {
            var key = tokens[i];
            if (!Honoured.Contains(key) && !IgnoredWithValue.Contains(key))
            {
                return $"unsupported route option '{key}'";
            }

            if (i + 1 >= tokens.Length)
            {
                return $"missing value after '{key}'";
            }

            var error = Value(key, tokens[i + 1]);
            if (error.Length > 0)
            {
                return error;
            }

            if (IgnoredWithValue.Contains(key))
            {
                ignored(key);
            }
        }

        return "";
    }

    private static string Value(string key, string value) => key switch
    {
        "via" or "gw" or "src" when !VirtualAddress.TryParseAddress(value, out _) => $"invalid {key} address '{value}'",
        "metric" or "preference" when !uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) => $"invalid {key} '{value}'",
        "table" when value != "main" && !uint.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) =>
            $"routing table '{value}' must be a number or main",
        "scope" when !Scopes.Contains(value) && !byte.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _) => $"invalid scope '{value}'",
        "mtu" or "advmss" or "window" or "cwnd" or "initcwnd" or "initrwnd" or "ssthresh" or "rtt" or "rttvar" or "hoplimit" or "reordering" when value == "lock" =>
            $"'{key} lock' is not supported by Vigil",
        _ => "",
    };
}
