using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Abstractions.VirtualServers;

/// <summary>
/// The stable identity of a virtual server, parsed once from its configuration and used by every module that
/// speaks of it (data planes, checkers, notifications, status, metrics). Two spellings of one service
/// (<c>10.0.0.1 80</c> and <c>10.0.0.1   80</c>, or <c>2001:db8:0::1</c> and <c>2001:db8::1</c>) give equal keys.
/// </summary>
/// <remarks>
/// The text form (<see cref="ToString"/>) is canonical and parses back: <c>10.0.0.1:80/tcp</c>,
/// <c>[2001:db8::1]:80/udp</c>, <c>fwmark:7</c>, <c>fwmark:7/inet6</c>, <c>group:web/tcp</c>.
/// </remarks>
public sealed record VirtualServerKey
{
    private VirtualServerKey(VirtualServerKind kind, IPAddress? address, int port, TransportProtocol protocol, uint fwmark, AddressFamily family, string? group)
    {
        Kind = kind;
        Address = address;
        Port = port;
        Protocol = protocol;
        Fwmark = fwmark;
        Family = family;
        Group = group;
    }

    /// <summary>How the virtual server is declared.</summary>
    public VirtualServerKind Kind { get; }

    /// <summary>The virtual address of an <see cref="VirtualServerKind.Endpoint"/> service, else null.</summary>
    public IPAddress? Address { get; }

    /// <summary>The virtual port of an endpoint service; 0 when the service has none (port-less persistence).</summary>
    public int Port { get; }

    /// <summary>The protocol of an endpoint or group service (a fwmark service carries every protocol: <see cref="TransportProtocol.Tcp"/>).</summary>
    public TransportProtocol Protocol { get; }

    /// <summary>The firewall mark of a <see cref="VirtualServerKind.Fwmark"/> service, else 0.</summary>
    public uint Fwmark { get; }

    /// <summary>The address family the service forwards: the address's own, or a fwmark service's <c>ip_family</c>.</summary>
    public AddressFamily Family { get; }

    /// <summary>The <c>virtual_server_group</c> name of a <see cref="VirtualServerKind.Group"/> service, else null.</summary>
    public string? Group { get; }

    /// <summary>An address, port and protocol service.</summary>
    public static VirtualServerKey ForEndpoint(IPAddress address, int port, TransportProtocol protocol = TransportProtocol.Tcp)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        var normal = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return new(VirtualServerKind.Endpoint, normal, port, protocol, 0, normal.AddressFamily, null);
    }

    /// <summary>A firewall-mark service (<c>ip_family</c> inet by default, as keepalived's).</summary>
    public static VirtualServerKey ForFwmark(uint mark, AddressFamily family = AddressFamily.InterNetwork)
    {
        if (family is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw new ArgumentOutOfRangeException(nameof(family), "a fwmark service is inet or inet6");
        }

        return new(VirtualServerKind.Fwmark, null, 0, TransportProtocol.Tcp, mark, family, null);
    }

    /// <summary>A service over the members of the <c>virtual_server_group</c> <paramref name="name"/>.</summary>
    public static VirtualServerKey ForGroup(string name, TransportProtocol protocol = TransportProtocol.Tcp)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(VirtualServerKind.Group, null, 0, protocol, 0, AddressFamily.Unspecified, name.Trim());
    }

    /// <summary>
    /// Parses a <c>virtual_server</c> block's arguments (<c>10.0.0.1 80</c>, <c>2001:db8::1 443</c>, <c>10.0.0.1</c>,
    /// <c>fwmark 7</c>, <c>group web</c>) or a canonical key (<c>10.0.0.1:80/tcp</c>). <paramref name="protocol"/> applies
    /// when the text names none (keepalived's <c>protocol</c> keyword lives in the block, not in its name).
    /// </summary>
    public static bool TryParse(string? text, TransportProtocol protocol, [NotNullWhen(true)] out VirtualServerKey? key, out string error)
    {
        key = null;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "a virtual server needs an address and port, 'fwmark N' or 'group NAME'";
            return false;
        }

        var (body, suffix) = SplitSuffix(trimmed);
        var words = body.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words[0].Equals("fwmark", StringComparison.OrdinalIgnoreCase) || words[0].StartsWith("fwmark:", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseFwmark(words, suffix, out key, out error);
        }

        if (words[0].Equals("group", StringComparison.OrdinalIgnoreCase) || words[0].StartsWith("group:", StringComparison.OrdinalIgnoreCase))
        {
            var name = words[0].Length > "group".Length ? words[0]["group:".Length..] : words.Length == 2 ? words[1] : "";
            if (name.Length == 0 || (words[0].Length > "group".Length ? words.Length != 1 : words.Length != 2))
            {
                error = "'group' needs exactly one virtual_server_group name";
                return false;
            }

            if (!TryProtocol(suffix, protocol, out var groupProtocol, out error))
            {
                return false;
            }

            key = ForGroup(name, groupProtocol);
            return true;
        }

        if (!EndpointText.TryParse(body, out var address, out var port, out error) || !TryProtocol(suffix, protocol, out var endpointProtocol, out error))
        {
            return false;
        }

        key = ForEndpoint(address, port, endpointProtocol);
        return true;
    }

    /// <summary>Parses like <see cref="TryParse"/> with TCP as the default protocol; throws <see cref="FormatException"/>.</summary>
    public static VirtualServerKey Parse(string text) =>
        TryParse(text, TransportProtocol.Tcp, out var key, out var error) ? key : throw new FormatException(error);

    /// <summary>The canonical text form, which <see cref="Parse"/> reads back.</summary>
    public override string ToString() => Kind switch
    {
        VirtualServerKind.Fwmark => Family == AddressFamily.InterNetworkV6
            ? $"fwmark:{Fwmark.ToString(CultureInfo.InvariantCulture)}/inet6"
            : $"fwmark:{Fwmark.ToString(CultureInfo.InvariantCulture)}",
        VirtualServerKind.Group => $"group:{Group}/{TransportProtocols.Name(Protocol)}",
        _ => $"{EndpointText.Format(Address!, Port)}/{TransportProtocols.Name(Protocol)}",
    };

    private static bool TryParseFwmark(string[] words, string? suffix, out VirtualServerKey? key, out string error)
    {
        key = null;
        var joined = words[0].Length > "fwmark".Length;
        var markText = joined ? words[0]["fwmark:".Length..] : words.Length >= 2 ? words[1] : "";
        var rest = words.Skip(joined ? 1 : 2).ToList();
        if (suffix is not null)
        {
            rest.Add(suffix);
        }

        if (!uint.TryParse(markText, NumberStyles.None, CultureInfo.InvariantCulture, out var mark) || mark == 0)
        {
            error = $"fwmark '{markText}' is not a number in 1-{uint.MaxValue}";
            return false;
        }

        var family = AddressFamily.InterNetwork;
        switch (rest)
        {
            case []:
                break;
            case [var f] when f.Equals("inet", StringComparison.OrdinalIgnoreCase):
                break;
            case [var f] when f.Equals("inet6", StringComparison.OrdinalIgnoreCase):
                family = AddressFamily.InterNetworkV6;
                break;
            default:
                error = $"unexpected '{string.Join(' ', rest)}' after fwmark {markText} (only inet or inet6 may follow)";
                return false;
        }

        key = ForFwmark(mark, family);
        error = "";
        return true;
    }

    /// <summary>
    /// Splits a canonical key's <c>/tcp</c> (or a fwmark's <c>/inet6</c>) suffix off; any other slash stays part of the
    /// text, so the error names what the user wrote.
    /// </summary>
    private static (string Body, string? Suffix) SplitSuffix(string text)
    {
        var slash = text.LastIndexOf('/');
        if (slash <= 0)
        {
            return (text, null);
        }

        var suffix = text[(slash + 1)..];
        var known = TransportProtocols.TryParse(suffix, out _)
            || suffix.Equals("inet", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("inet6", StringComparison.OrdinalIgnoreCase);
        return known ? (text[..slash], suffix) : (text, null);
    }

    private static bool TryProtocol(string? suffix, TransportProtocol fallback, out TransportProtocol protocol, out string error)
    {
        error = "";
        if (suffix is null)
        {
            protocol = fallback;
            return true;
        }

        if (TransportProtocols.TryParse(suffix, out protocol))
        {
            return true;
        }

        error = $"'{suffix}' is not a protocol (TCP, UDP or SCTP)";
        return false;
    }
}
