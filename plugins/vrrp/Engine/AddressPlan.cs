using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Vigil.Linux.Netlink.Route;
using Vigil.Plugins.Vrrp.Configuration;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>Turns virtual_ipaddress and virtual_routes lines into netlink requests, as ip(8) would read them.</summary>
internal static class AddressPlan
{
    /// <summary>The address spec of <paramref name="address"/> on the link <paramref name="index"/>.</summary>
    public static AddressSpec Address(VirtualAddress address, int index) => new(
        index,
        address.Address,
        address.PrefixLength,
        Broadcast(address),
        address.IsIpv6 ? null : address.Label,
        Scope(address.Scope));

    /// <summary>rtnetlink scope number of an ip(8) scope name; unknown names are global.</summary>
    public static byte Scope(string? scope) => scope switch
    {
        null or "global" or "universe" => 0,
        "site" => 200,
        "link" => 253,
        "host" => 254,
        "nowhere" => 255,
        _ when byte.TryParse(scope, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => 0,
    };

    /// <summary>
    /// Parses a virtual_routes line (<c>10.0.0.0/8 via 192.168.1.1 dev eth0 src 192.168.1.100 metric 5 table 100 scope link</c>);
    /// <paramref name="resolve"/> maps a device name to its index. Null for lines Vigil cannot install (blackhole, …).
    /// </summary>
    public static RouteSpec? Route(string line, int defaultIndex, Func<string, int?> resolve)
    {
        var tokens = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = tokens.Length > 0 && tokens[0] == "to" ? 1 : 0;
        if (tokens.Length <= first)
        {
            return null;
        }

        IPAddress destination;
        int prefix;
        if (tokens[first] == "default")
        {
            destination = IPAddress.Any;
            prefix = 0;
        }
        else if (!VirtualAddress.TryParseCidr(tokens[first], out var parsed, out prefix))
        {
            return null;
        }
        else
        {
            destination = parsed!;
        }

        var spec = new RouteSpec(destination, prefix, InterfaceIndex: defaultIndex);
        for (var i = first + 1; i + 1 < tokens.Length; i += 2)
        {
            var value = tokens[i + 1];
            spec = tokens[i] switch
            {
                "via" or "gw" when IPAddress.TryParse(value, out var gw) => spec with { Gateway = gw, Destination = Family(destination, gw) },
                "dev" or "oif" => spec with { InterfaceIndex = resolve(value) ?? defaultIndex },
                "src" when IPAddress.TryParse(value, out var src) => spec with { PreferredSource = src },
                "metric" or "preference" when uint.TryParse(value, out var metric) => spec with { Metric = metric },
                "table" when uint.TryParse(value, out var table) => spec with { Table = table },
                "table" when value == "main" => spec,
                "scope" => spec with { Scope = Scope(value) },
                _ => spec,
            };
        }

        return spec;
    }

    private static IPAddress Family(IPAddress destination, IPAddress gateway) =>
        destination.Equals(IPAddress.Any) && gateway.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : destination;

    private static IPAddress? Broadcast(VirtualAddress address)
    {
        if (address.IsIpv6 || address.Broadcast is null or "-")
        {
            return null;
        }

        if (address.Broadcast != "+")
        {
            return IPAddress.Parse(address.Broadcast);
        }

        var bytes = address.Address.GetAddressBytes();
        var host = address.PrefixLength >= 32 ? 0u : uint.MaxValue >> address.PrefixLength;
        var value = ((uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3]) | host;
        return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
    }
}
