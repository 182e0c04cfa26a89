using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Abstractions.VirtualServers;

/// <summary>
/// Reads an address with an optional port in the forms configurations and command lines use:
/// <c>10.0.0.1 80</c> (keepalived), <c>10.0.0.1:80</c>, <c>[2001:db8::1]:80</c>, <c>2001:db8::1 80</c>, or a bare address.
/// </summary>
internal static class EndpointText
{
    public static bool TryParse(string text, out IPAddress address, out int port, out string error)
    {
        address = IPAddress.None;
        port = 0;
        var words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        string host;
        string? portText = null;
        switch (words.Length)
        {
            case 1:
                (host, portText) = SplitJoined(words[0]);
                break;
            case 2:
                (host, portText) = (words[0], words[1]);
                break;
            default:
                error = words.Length == 0 ? "an address is missing" : $"'{text}' is not an address and a port";
                return false;
        }

        if (!TryParseAddress(host, out address))
        {
            error = $"'{host}' is not an IP address";
            return false;
        }

        if (portText is not null && !TryParsePort(portText, out port))
        {
            error = $"port '{portText}' is not a number in 0-65535";
            return false;
        }

        error = "";
        return true;
    }

    /// <summary>
    /// Parses an address as keepalived (inet_pton) reads it, mapping IPv4-mapped IPv6 (<c>::ffff:10.0.0.1</c>) to plain
    /// IPv4 so one server has one key. An IPv6 address may be bracketed (<c>[2001:db8::1]</c>).
    /// </summary>
    public static bool TryParseAddress(string text, out IPAddress address)
    {
        address = IPAddress.None;
        var trimmed = text.StartsWith('[') && text.EndsWith(']') ? text[1..^1] : text;

        // IPAddress.TryParse is looser than inet_pton: it reads "10" and "10.1" as shorthands, "010.0.0.1" as octal
        // (8.0.0.1) and "0x0a.0.0.1" as hex, and takes "[2001:db8::1]:80" as the address alone, dropping the port.
        if (trimmed.Contains('[') || trimmed.Contains(']') || !IPAddress.TryParse(trimmed, out var parsed))
        {
            return false;
        }

        if (parsed.AddressFamily == AddressFamily.InterNetwork && !IsDottedDecimal(trimmed))
        {
            return false;
        }

        address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        return true;
    }

    public static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;

    /// <summary>Formats an address with its port: <c>10.0.0.1:80</c>, <c>[2001:db8::1]:80</c>.</summary>
    public static string Format(IPAddress address, int port) =>
        address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{address}]:{port.ToString(CultureInfo.InvariantCulture)}"
            : $"{address}:{port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Four decimal parts of 1-3 digits without leading zeros, as inet_pton takes them.</summary>
    private static bool IsDottedDecimal(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit) && (p.Length == 1 || p[0] != '0'));
    }

    private static (string Host, string? Port) SplitJoined(string word)
    {
        if (word.StartsWith('['))
        {
            var close = word.IndexOf(']', StringComparison.Ordinal);
            if (close > 0 && close + 1 < word.Length && word[close + 1] == ':')
            {
                return (word[1..close], word[(close + 2)..]);
            }

            return (word, null);
        }

        // One colon is address:port; more is a bare IPv6 address.
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon == word.LastIndexOf(':') ? (word[..colon], word[(colon + 1)..]) : (word, null);
    }
}
