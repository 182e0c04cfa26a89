using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>One <c>virtual_ipaddress</c> line: <c>&lt;IP&gt;[/&lt;prefix&gt;] [dev X] [brd X] [scope X] [label X] ...</c>.</summary>
/// <param name="Address">The address.</param>
/// <param name="PrefixLength">The prefix (32 / 128 when omitted, as keepalived).</param>
/// <param name="Device">dev, or null for the instance's interface.</param>
/// <param name="Broadcast">brd / broadcast.</param>
/// <param name="Scope">scope (global, host, link, site or a number).</param>
/// <param name="Label">label (<c>eth0:1</c>).</param>
/// <param name="NoTrack">no_track: the address's interface going down does not fault the instance.</param>
/// <param name="Options">Other options kept verbatim (peer, preferred_lft, home, nodad, noprefixroute, autojoin).</param>
internal sealed record VirtualAddress(
    IPAddress Address,
    int PrefixLength,
    string? Device = null,
    string? Broadcast = null,
    string? Scope = null,
    string? Label = null,
    bool NoTrack = false,
    IReadOnlyDictionary<string, string>? Options = null)
{
    private static readonly HashSet<string> ValueOptions = ["peer", "preferred_lft", "metric"];
    private static readonly HashSet<string> FlagOptions = ["home", "nodad", "noprefixroute", "autojoin", "no_track"];

    /// <summary>True for IPv6.</summary>
    public bool IsIpv6 => Address.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>Parses a line; on failure returns null and the offending token in <paramref name="error"/>.</summary>
    public static VirtualAddress? TryParse(string line, out string error)
    {
        error = "";
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0 || !TryParseCidr(tokens[0], out var address, out var prefix))
        {
            error = tokens.Length == 0 ? line : tokens[0];
            return null;
        }

        string? dev = null, brd = null, scope = null, label = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < tokens.Length; i++)
        {
            var key = tokens[i];
            var hasValue = i + 1 < tokens.Length;
            switch (key)
            {
                case "dev" when hasValue: dev = tokens[++i]; break;
                case "brd" or "broadcast" when hasValue: brd = tokens[++i]; break;
                case "scope" when hasValue: scope = tokens[++i]; break;
                case "label" when hasValue: label = tokens[++i]; break;
                case var v when ValueOptions.Contains(v) && hasValue: options[v] = tokens[++i]; break;
                case var f when FlagOptions.Contains(f): options[f] = "true"; break;
                default:
                    error = key;
                    return null;
            }
        }

        if (brd is not null && brd != "+" && brd != "-" && !IPAddress.TryParse(brd, out _))
        {
            error = brd;
            return null;
        }

        return new VirtualAddress(address!, prefix, dev, brd, scope, label, options.Remove("no_track"), options.Count > 0 ? options : null);
    }

    /// <summary>Parses <c>address[/prefix]</c> strictly (dotted quads only, prefix within the family's range).</summary>
    public static bool TryParseCidr(string text, out IPAddress? address, out int prefix)
    {
        prefix = 0;
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (!TryParseAddress(addressText, out address))
        {
            return false;
        }

        var max = address!.AddressFamily == AddressFamily.InterNetworkV6 ? 128 : 32;
        if (slash < 0)
        {
            prefix = max;
            return true;
        }

        return int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out prefix) && prefix <= max;
    }

    /// <summary>Parses an address; IPv4 must be four dotted decimal parts (IPAddress.Parse accepts <c>10.1</c>).</summary>
    public static bool TryParseAddress(string text, out IPAddress? address)
    {
        address = null;
        if (text.Contains(':'))
        {
            return IPAddress.TryParse(text, out address) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        var parts = text.Split('.');
        if (parts.Length != 4 || parts.Any(p => p.Length is 0 or > 3 || !p.All(char.IsAsciiDigit) || int.Parse(p, CultureInfo.InvariantCulture) > 255))
        {
            return false;
        }

        address = IPAddress.Parse(text);
        return true;
    }
}
