using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Vigil.Plugins.Vrrp.Os;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>
/// Parses a virtual_rules / static_rules line with keepalived's rule grammar (an ip-rule(8) subset):
/// <c>[inet|inet6] [not] [from P] [to P] [iif|dev N] [oif N] [fwmark M[/K]] [tos T] [preference|priority|order N]
/// [uidrange A-B] [ipproto P] [sport A[-B]] [dport A[-B]] [protocol N] [suppress_prefixlength N] [suppress_ifgroup N]
/// [no_track] ACTION</c> where ACTION is <c>table|lookup T</c>, <c>l3mdev</c>, <c>goto N</c>, <c>nop</c>,
/// <c>[type] blackhole|unreachable|prohibit</c>.
/// </summary>
internal static class RuleLineParser
{
    private static readonly Dictionary<string, uint> TableNames = new(StringComparer.Ordinal) { ["main"] = 254, ["default"] = 253, ["local"] = 255 };
    private static readonly Dictionary<string, byte> IpProtocols = new(StringComparer.Ordinal)
    {
        ["icmp"] = 1, ["tcp"] = 6, ["udp"] = 17, ["gre"] = 47, ["esp"] = 50, ["ah"] = 51, ["ipv6-icmp"] = 58, ["sctp"] = 132,
    };

    private static readonly HashSet<string> Unsupported = ["realms", "tunnel-id", "track_group"];

    private static readonly HashSet<string> ValueKeys =
    [
        "from", "to", "table", "lookup", "preference", "priority", "order", "tos", "dsfield", "fwmark", "iif", "dev", "oif",
        "suppress_prefixlength", "sup_pl", "suppress_ifgroup", "sup_group", "uidrange", "sport", "dport", "ipproto", "protocol",
        "type", "goto",
    ];

    /// <summary>Parses <paramref name="line"/>; on failure returns null and why in <paramref name="error"/>.</summary>
    public static RuleSpec? TryParse(string line, out string error)
    {
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var state = new State();
        for (var i = 0; i < tokens.Length; i++)
        {
            var key = tokens[i];
            var value = i + 1 < tokens.Length ? tokens[i + 1] : null;
            var takesValue = ValueKeys.Contains(key);
            if (takesValue && value is null)
            {
                error = $"missing value after '{key}'";
                return null;
            }

            error = Apply(state, key, value ?? "");
            if (error.Length > 0)
            {
                return null;
            }

            i += takesValue ? 1 : 0;
        }

        error = Check(state);
        return error.Length > 0 ? null : state.Spec with { Family = state.Family ?? AddressFamily.InterNetwork };
    }

    private static string Apply(State state, string key, string value)
    {
        var spec = state.Spec;
        switch (key)
        {
            case "inet" or "inet6":
                return SetFamily(state, key == "inet6" ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork);
            case "not":
                state.Spec = spec with { Invert = true };
                return "";
            case "from" or "to":
                return Prefix(state, key, value);
            case "table" or "lookup":
                if (!Table(value, out var table))
                {
                    return $"unknown routing table '{value}'";
                }

                return table == 0 ? "table 0 is not valid" : SetAction(state, spec with { Action = RuleAction.Table, Table = table });
            case "preference" or "priority" or "order":
                return Number(value, out var priority) ? Set(state, spec with { Priority = priority }) : $"invalid {key} '{value}'";
            case "tos" or "dsfield":
                return Number(value, out var tos) && tos <= byte.MaxValue ? Set(state, spec with { Tos = (byte)tos }) : $"invalid {key} '{value}'";
            case "fwmark":
                return FwMark(state, value);
            case "iif" or "dev" or "oif":
                if (value.Length > 15 || value.Contains('/'))
                {
                    return $"invalid interface name '{value}'";
                }

                state.Spec = key == "oif" ? spec with { OutputInterface = value } : spec with { InputInterface = value };
                return "";
            case "suppress_prefixlength" or "sup_pl":
                state.TableOption = true;
                return Number(value, out var length) && length <= int.MaxValue ? Set(state, spec with { SuppressPrefixLength = length }) : $"invalid {key} '{value}'";
            case "suppress_ifgroup" or "sup_group":
                state.TableOption = true;
                return Number(value, out var group) ? Set(state, spec with { SuppressIfGroup = group }) : $"invalid {key} '{value}'";
            case "uidrange":
                return Range(value, uint.MaxValue, out var uids) ? Set(state, spec with { UidRange = uids }) : $"invalid uidrange '{value}'";
            case "sport" or "dport":
                if (!Range(value, ushort.MaxValue, out var ports))
                {
                    return $"invalid {key} '{value}'";
                }

                var range = ((ushort)ports.Start, (ushort)ports.End);
                return Set(state, key == "sport" ? spec with { SourcePorts = range } : spec with { DestinationPorts = range });
            case "ipproto":
                return IpProtocols.TryGetValue(value, out var named) ? Set(state, spec with { IpProtocol = named })
                    : Number(value, out var proto) && proto <= byte.MaxValue ? Set(state, spec with { IpProtocol = (byte)proto }) : $"invalid ipproto '{value}'";
            case "protocol":
                return Number(value, out var protocol) && protocol <= byte.MaxValue ? Set(state, spec with { Protocol = (byte)protocol }) : $"invalid protocol '{value}'";
            case "l3mdev":
                return SetAction(state, spec with { Action = RuleAction.Table, Table = 0, L3mdev = true });
            case "no_track":
                return "";
            case "type":
                return value is "blackhole" or "unreachable" or "prohibit" or "nop" ? Apply(state, value, "") : $"invalid rule type '{value}'";
            case "goto":
                return Number(value, out var target) ? SetAction(state, spec with { Action = RuleAction.Goto, GotoTarget = target }) : $"invalid goto target '{value}'";
            case "nop":
                return SetAction(state, spec with { Action = RuleAction.Nop });
            case "blackhole":
                return SetAction(state, spec with { Action = RuleAction.Blackhole });
            case "unreachable":
                return SetAction(state, spec with { Action = RuleAction.Unreachable });
            case "prohibit":
                return SetAction(state, spec with { Action = RuleAction.Prohibit });
            case var other when Unsupported.Contains(other):
                return $"rule option '{other}' is not supported by Vigil";
            default:
                return $"unknown rule option '{key}'";
        }
    }

    private static string Check(State state)
    {
        var spec = state.Spec;
        if (!state.HasAction)
        {
            return "no action (table, goto, nop, blackhole, unreachable or prohibit)";
        }

        if (spec.Action == RuleAction.Goto && spec.Priority is null)
        {
            return $"goto {spec.GotoTarget} needs a preference";
        }

        if (spec.Action == RuleAction.Goto && spec.Priority >= spec.GotoTarget)
        {
            return $"preference {spec.Priority} must be below goto target {spec.GotoTarget}";
        }

        return state.TableOption && spec.Action != RuleAction.Table ? "suppress_prefixlength and suppress_ifgroup need a table action" : "";
    }

    private static string Prefix(State state, string key, string value)
    {
        if (value is "all" or "any" or "default")
        {
            return "";
        }

        if (!VirtualAddress.TryParseCidr(value, out var address, out var length))
        {
            return $"invalid {key} address '{value}'";
        }

        var error = SetFamily(state, address!.AddressFamily);
        if (error.Length > 0)
        {
            return "mixed IPv4 and IPv6";
        }

        state.Spec = key == "from" ? state.Spec with { Source = Network(address, length), SourceLength = length }
            : state.Spec with { Destination = Network(address, length), DestinationLength = length };
        return "";
    }

    /// <summary>The kernel refuses a rule whose address has host bits set, so they are cleared as ip(8) does.</summary>
    private static IPAddress Network(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = length; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }

    private static string FwMark(State state, string value)
    {
        var parts = value.Split('/');
        uint? mask = null;
        if (parts.Length > 2 || !Number(parts[0], out var mark))
        {
            return $"invalid fwmark '{value}'";
        }

        if (parts.Length == 2)
        {
            if (!Number(parts[1], out var parsed))
            {
                return $"invalid fwmark '{value}'";
            }

            mask = parsed;
        }

        state.Spec = state.Spec with { FwMark = mark, FwMask = mask };
        return "";
    }

    private static string SetFamily(State state, AddressFamily family)
    {
        if (state.Family is { } existing && existing != family)
        {
            return family == AddressFamily.InterNetworkV6 ? "inet6 given for an IPv4 rule" : "inet given for an IPv6 rule";
        }

        state.Family = family;
        return "";
    }

    private static string SetAction(State state, RuleSpec spec)
    {
        if (state.HasAction)
        {
            return "more than one of table, l3mdev, goto, nop, blackhole, unreachable and prohibit";
        }

        state.HasAction = true;
        state.Spec = spec;
        return "";
    }

    private static string Set(State state, RuleSpec spec)
    {
        state.Spec = spec;
        return "";
    }

    private static bool Table(string text, out uint table) => TableNames.TryGetValue(text, out table) || Number(text, out table);

    /// <summary>A decimal or 0x-prefixed hexadecimal unsigned 32-bit number, as strtoul with base 0 reads them.</summary>
    private static bool Number(string text, out uint value) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static bool Range(string text, uint max, out (uint Start, uint End) range)
    {
        var dash = text.IndexOf('-');
        range = default;
        if (!Number(dash < 0 ? text : text[..dash], out var start) || start > max)
        {
            return false;
        }

        var end = start;
        if (dash >= 0 && (!Number(text[(dash + 1)..], out end) || end > max || end < start))
        {
            return false;
        }

        range = (start, end);
        return true;
    }

    private sealed class State
    {
        public RuleSpec Spec { get; set; } = new(AddressFamily.InterNetwork, RuleAction.Table);

        public AddressFamily? Family { get; set; }

        public bool HasAction { get; set; }

        public bool TableOption { get; set; }
    }
}
