using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Vigil.Abstractions.VirtualServers;

/// <summary>
/// The stable identity of a real server within a virtual server: its address and port. Parsed once from
/// <c>real_server 10.0.0.1 80</c> (or <c>10.0.0.1:80</c>, <c>[2001:db8::1]:80</c>), so spellings of one server compare equal.
/// A real server's full identity is this key together with its <see cref="VirtualServerKey"/>.
/// </summary>
public sealed record RealServerKey
{
    /// <summary>Creates a key; IPv4-mapped IPv6 addresses are stored as IPv4.</summary>
    public RealServerKey(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        Address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        Port = port;
    }

    /// <summary>The real server's address.</summary>
    public IPAddress Address { get; }

    /// <summary>The real server's port (keepalived lets it default to the virtual server's).</summary>
    public int Port { get; }

    /// <summary>
    /// Parses a <c>real_server</c> block's arguments or a canonical key. A missing port takes <paramref name="defaultPort"/>,
    /// which is the virtual server's port for a keepalived configuration: <c>real_server 10.0.0.1</c> under
    /// <c>virtual_server 10.0.0.100 80</c> is <c>10.0.0.1:80</c>.
    /// </summary>
    public static bool TryParse(string? text, int defaultPort, [NotNullWhen(true)] out RealServerKey? key, out string error)
    {
        key = null;
        if (!EndpointText.TryParse(text ?? "", out var address, out var port, out error))
        {
            return false;
        }

        key = new RealServerKey(address, port == 0 ? defaultPort : port);
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/> with no default port; throws <see cref="FormatException"/>.</summary>
    public static RealServerKey Parse(string text) =>
        TryParse(text, 0, out var key, out var error) ? key : throw new FormatException(error);

    /// <summary>The canonical text form: <c>10.0.0.1:80</c>, <c>[2001:db8::1]:80</c>.</summary>
    public override string ToString() => EndpointText.Format(Address, Port);
}
