using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Sockets;

namespace Vigil.Abstractions.VirtualServers;

/// <summary>
/// One line of a <c>virtual_server_group</c>: an address or address range with an optional port
/// (<c>10.0.0.1 80</c>, <c>10.0.0.1-10 80</c>, <c>2001:db8::1 80</c>), or a firewall mark (<c>fwmark 7</c>, <c>fwmark 7 inet6</c>).
/// </summary>
public sealed record VirtualServerGroupMember
{
    private VirtualServerGroupMember(AddressRange? addresses, int port, uint fwmark, AddressFamily family)
    {
        Addresses = addresses;
        Port = port;
        Fwmark = fwmark;
        Family = family;
    }

    /// <summary>The addresses of an address member; null for a fwmark member.</summary>
    public AddressRange? Addresses { get; }

    /// <summary>The port of an address member; 0 when none was written.</summary>
    public int Port { get; }

    /// <summary>The mark of a fwmark member; 0 for an address member.</summary>
    public uint Fwmark { get; }

    /// <summary>The address family of the member.</summary>
    public AddressFamily Family { get; }

    /// <summary>True for <c>fwmark N</c>.</summary>
    public bool IsFwmark => Addresses is null;

    /// <summary>Parses one member line; the error says what is wrong with it.</summary>
    public static bool TryParse(string? line, [NotNullWhen(true)] out VirtualServerGroupMember? member, out string error)
    {
        member = null;
        var words = (line ?? "").Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            error = "an empty virtual_server_group member";
            return false;
        }

        if (words[0].Equals("fwmark", StringComparison.OrdinalIgnoreCase))
        {
            if (!VirtualServerKey.TryParse(line, TransportProtocol.Tcp, out var key, out error))
            {
                return false;
            }

            member = new VirtualServerGroupMember(null, 0, key.Fwmark, key.Family);
            return true;
        }

        if (words.Length > 2)
        {
            error = $"'{line!.Trim()}' is not an address (or range) and a port";
            return false;
        }

        if (!AddressRange.TryParse(words[0], out var range, out error))
        {
            return false;
        }

        var port = 0;
        if (words.Length == 2 && !EndpointText.TryParsePort(words[1], out port))
        {
            error = $"port '{words[1]}' is not a number in 0-65535";
            return false;
        }

        member = new VirtualServerGroupMember(range, port, 0, range.Family);
        return true;
    }

    /// <summary>
    /// The services this member stands for under <paramref name="protocol"/>: one endpoint key per address, or the fwmark
    /// key. Ranges are expanded lazily; callers bound what they take.
    /// </summary>
    public IEnumerable<VirtualServerKey> Keys(TransportProtocol protocol) =>
        Addresses is null
            ? [VirtualServerKey.ForFwmark(Fwmark, Family)]
            : Addresses.Addresses().Select(a => VirtualServerKey.ForEndpoint(a, Port, protocol));

    /// <summary>The member as a configuration line writes it, normalised: <c>10.0.0.1-10.0.0.10 80</c>, <c>fwmark 7</c>.</summary>
    public override string ToString() =>
        Addresses is null
            ? Family == AddressFamily.InterNetworkV6 ? $"fwmark {Fwmark.ToString(CultureInfo.InvariantCulture)} inet6" : $"fwmark {Fwmark.ToString(CultureInfo.InvariantCulture)}"
            : Port == 0 ? Addresses.ToString() : $"{Addresses} {Port.ToString(CultureInfo.InvariantCulture)}";
}
