using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;

namespace Vigil.Abstractions.VirtualServers;

/// <summary>
/// An inclusive range of addresses of one family, as <c>virtual_server_group</c> members write them:
/// <c>192.168.200.1-10</c>, <c>192.168.200.250-192.168.201.10</c>, <c>192.168.202.8/29</c>, <c>2001:db8::1-ff</c>, or one address.
/// </summary>
public sealed record AddressRange
{
    private AddressRange(IPAddress first, IPAddress last)
    {
        First = first;
        Last = last;
    }

    /// <summary>The first address.</summary>
    public IPAddress First { get; }

    /// <summary>The last address (equal to <see cref="First"/> for a single address).</summary>
    public IPAddress Last { get; }

    /// <summary>The address family.</summary>
    public AddressFamily Family => First.AddressFamily;

    /// <summary>How many addresses the range holds.</summary>
    public BigInteger Count => ToNumber(Last) - ToNumber(First) + 1;

    /// <summary>
    /// Parses one of the range forms. The short form's upper bound replaces the last octet of an IPv4 address (decimal)
    /// or the last 16-bit group of an IPv6 address (hexadecimal), as keepalived reads it.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out AddressRange? range, out string error)
    {
        range = null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            return TryParseCidr(text[..slash], text[(slash + 1)..], out range, out error);
        }

        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var firstText = dash > 0 ? text[..dash] : text;
        if (!EndpointText.TryParseAddress(firstText, out var first))
        {
            error = $"'{firstText}' is not an IP address";
            return false;
        }

        if (dash < 0)
        {
            range = new AddressRange(first, first);
            error = "";
            return true;
        }

        var lastText = text[(dash + 1)..];
        if (!TryParseUpperBound(first, lastText, out var last))
        {
            error = $"'{lastText}' is not the end of an address range starting at {first}";
            return false;
        }

        if (ToNumber(last) < ToNumber(first))
        {
            error = $"address range {text} ends before it starts";
            return false;
        }

        range = new AddressRange(first, last);
        error = "";
        return true;
    }

    /// <summary>True when <paramref name="address"/> lies in the range.</summary>
    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);

        // An IPv4 range holds the IPv4-mapped spelling of its addresses; an IPv6 range may itself reach into ::ffff:0:0/96.
        var normal = address.IsIPv4MappedToIPv6 && Family == AddressFamily.InterNetwork ? address.MapToIPv4() : address;
        if (normal.AddressFamily != Family)
        {
            return false;
        }

        var n = ToNumber(normal);
        return n >= ToNumber(First) && n <= ToNumber(Last);
    }

    /// <summary>The addresses of the range in order.</summary>
    public IEnumerable<IPAddress> Addresses()
    {
        var last = ToNumber(Last);
        for (var n = ToNumber(First); n <= last; n++)
        {
            yield return FromNumber(n, Family);
        }
    }

    /// <summary><c>10.0.0.1-10.0.0.10</c>, or the address alone.</summary>
    public override string ToString() => First.Equals(Last) ? First.ToString() : $"{First}-{Last}";

    private static bool TryParseCidr(string addressText, string prefixText, out AddressRange? range, out string error)
    {
        range = null;
        if (!EndpointText.TryParseAddress(addressText, out var address))
        {
            error = $"'{addressText}' is not an IP address";
            return false;
        }

        var bits = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (!int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > bits)
        {
            error = $"prefix length '{prefixText}' is not a number in 0-{bits}";
            return false;
        }

        var hostMask = (BigInteger.One << (bits - prefix)) - 1;
        var network = ToNumber(address) & ~hostMask & ((BigInteger.One << bits) - 1);
        range = new AddressRange(FromNumber(network, address.AddressFamily), FromNumber(network | hostMask, address.AddressFamily));
        error = "";
        return true;
    }

    private static bool TryParseUpperBound(IPAddress first, string text, out IPAddress last)
    {
        if (EndpointText.TryParseAddress(text, out last))
        {
            // The end of an IPv6 range may be IPv4-mapped (::-::ffff:255.255.255.255, as ::/80 prints): it stays IPv6.
            if (first.AddressFamily == AddressFamily.InterNetworkV6 && last.AddressFamily == AddressFamily.InterNetwork && IsMappedSpelling(text))
            {
                last = last.MapToIPv6();
            }

            return last.AddressFamily == first.AddressFamily;
        }

        var ipv4 = first.AddressFamily == AddressFamily.InterNetwork;
        var style = ipv4 ? NumberStyles.None : NumberStyles.AllowHexSpecifier;
        if (!uint.TryParse(text, style, CultureInfo.InvariantCulture, out var bound) || bound > (ipv4 ? 255u : 0xffffu))
        {
            return false;
        }

        var bytes = first.GetAddressBytes();
        if (ipv4)
        {
            bytes[3] = (byte)bound;
        }
        else
        {
            bytes[14] = (byte)(bound >> 8);
            bytes[15] = (byte)bound;
        }

        last = new IPAddress(bytes);
        return true;
    }

    private static bool IsMappedSpelling(string text) => text.Contains(':', StringComparison.Ordinal);

    private static BigInteger ToNumber(IPAddress address) =>
        new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);

    private static IPAddress FromNumber(BigInteger number, AddressFamily family)
    {
        var size = family == AddressFamily.InterNetwork ? 4 : 16;
        var raw = number.ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = new byte[size];
        raw.AsSpan(Math.Max(0, raw.Length - size)).CopyTo(bytes.AsSpan(Math.Max(0, size - raw.Length)));
        return new IPAddress(bytes);
    }
}
