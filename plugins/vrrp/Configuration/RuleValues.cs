using System.Globalization;
using System.Net;

namespace Vigil.Plugins.Vrrp.Configuration;

/// <summary>The values of keepalived's rule grammar: table names and numbers, strtoul-style numbers, ranges, protocols.</summary>
internal static class RuleValues
{
    private static readonly Dictionary<string, uint> TableNames = new(StringComparer.Ordinal) { ["main"] = 254, ["default"] = 253, ["local"] = 255 };

    /// <summary>The protocol names ipproto accepts besides numbers.</summary>
    internal static readonly Dictionary<string, byte> IpProtocols = new(StringComparer.Ordinal)
    {
        ["icmp"] = 1, ["tcp"] = 6, ["udp"] = 17, ["gre"] = 47, ["esp"] = 50, ["ah"] = 51, ["ipv6-icmp"] = 58, ["sctp"] = 132,
    };

    /// <summary>The kernel refuses a rule whose address has host bits set, so they are cleared as ip(8) does.</summary>
    internal static IPAddress Network(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var bit = length; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }

    internal static bool Table(string text, out uint table) => TableNames.TryGetValue(text, out table) || Number(text, out table);

    /// <summary>A decimal or 0x-prefixed hexadecimal unsigned 32-bit number, as strtoul with base 0 reads them.</summary>
    internal static bool Number(string text, out uint value) =>
        text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    internal static bool Range(string text, uint max, out (uint Start, uint End) range)
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
}
