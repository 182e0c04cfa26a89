using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Vigil.Linux.Netlink.Route;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>
/// Parses a virtual_rules / static_rules line with keepalived's rule grammar (an ip-rule(8) subset):
/// <c>[inet|inet6] [not] [from P] [to P] [iif|dev N] [oif N] [fwmark M[/K]] [tos T] [preference|priority|order N]
/// [uidrange A-B] [ipproto P] [sport A[-B]] [dport A[-B]] [protocol N] [suppress_prefixlength N] [suppress_ifgroup N]
/// [no_track] ACTION</c> where ACTION is <c>table|lookup T</c>, <c>l3mdev</c>, <c>goto N</c>, <c>nop</c>,
/// <c>[type] blackhole|unreachable|prohibit</c>.
/// </summary>
internal static partial class RuleLineParser
{
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
                if (!RuleValues.Table(value, out var table))
                {
                    return $"unknown routing table '{value}'";
                }

                return table == 0 ? "table 0 is not valid" : SetAction(state, spec with { Action = RuleAction.Table, Table = table });
            case "preference" or "priority" or "order":
                return RuleValues.Number(value, out var priority) ? Set(state, spec with { Priority = priority }) : $"invalid {key} '{value}'";
            case "tos" or "dsfield":
                return RuleValues.Number(value, out var tos) && tos <= byte.MaxValue ? Set(state, spec with { Tos = (byte)tos }) : $"invalid {key} '{value}'";
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
                return RuleValues.Number(value, out var length) && length <= int.MaxValue ? Set(state, spec with { SuppressPrefixLength = length }) : $"invalid {key} '{value}'";
            case "suppress_ifgroup" or "sup_group":
                state.TableOption = true;
                return RuleValues.Number(value, out var group) ? Set(state, spec with { SuppressIfGroup = group }) : $"invalid {key} '{value}'";
            case "uidrange":
                return RuleValues.Range(value, uint.MaxValue, out var uids) ? Set(state, spec with { UidRange = uids }) : $"invalid uidrange '{value}'";
            case "sport" or "dport":
                if (!RuleValues.Range(value, ushort.MaxValue, out var ports))
                {
                    return $"invalid {key} '{value}'";
                }

                var range = ((ushort)ports.Start, (ushort)ports.End);
                return Set(state, key == "sport" ? spec with { SourcePorts = range } : spec with { DestinationPorts = range });
            case "ipproto":
                return RuleValues.IpProtocols.TryGetValue(value, out var named) ? Set(state, spec with { IpProtocol = named })
                    : RuleValues.Number(value, out var proto) && proto <= byte.MaxValue ? Set(state, spec with { IpProtocol = (byte)proto }) : $"invalid ipproto '{value}'";
            case "protocol":
                return RuleValues.Number(value, out var protocol) && protocol <= byte.MaxValue ? Set(state, spec with { Protocol = (byte)protocol }) : $"invalid protocol '{value}'";
            case "l3mdev":
                return SetAction(state, spec with { Action = RuleAction.Table, Table = 0, L3mdev = true });
            case "no_track":
                return "";
            case "type":
                return value is "blackhole" or "unreachable" or "prohibit" or "nop" ? Apply(state, value, "") : $"invalid rule type '{value}'";
            case "goto":
                return RuleValues.Number(value, out var target) ? SetAction(state, spec with { Action = RuleAction.Goto, GotoTarget = target }) : $"invalid goto target '{value}'";
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

        state.Spec = key == "from" ? state.Spec with { Source = RuleValues.Network(address, length), SourceLength = length }
            : state.Spec with { Destination = RuleValues.Network(address, length), DestinationLength = length };
        return "";
    }

    private static string FwMark(State state, string value)
    {
        var parts = value.Split('/');
        uint? mask = null;
        if (parts.Length > 2 || !RuleValues.Number(parts[0], out var mark))
        {
            return $"invalid fwmark '{value}'";
        }

        if (parts.Length == 2)
        {
            if (!RuleValues.Number(parts[1], out var parsed))
            {
                return $"invalid fwmark '{value}'";
            }

            mask = parsed;
        }

        state.Spec = state.Spec with { FwMark = mark, FwMask = mask };
        return "";
    }
}
