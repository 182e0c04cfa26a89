using System.Globalization;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Notify.Templates;

/// <summary>
/// Formats servers the way keepalived's mails and fifo lines show them (check_data.c <c>format_vs</c>/<c>format_rs</c>,
/// which print an address with <c>inet_sockaddrtotrio</c>: <c>[address]:protocol:port</c>).
/// </summary>
internal static class ServerText
{
    /// <summary>
    /// <c>[10.1.0.93]:tcp:80</c>, <c>FWM 1</c>, or a group as <c>[name]:0</c>: keepalived prints a group with its address's
    /// port, which a group's virtual server never sets.
    /// </summary>
    public static string Format(VirtualServerKey key) => key.Kind switch
    {
        VirtualServerKind.Fwmark => $"FWM {key.Fwmark.ToString(CultureInfo.InvariantCulture)}",
        VirtualServerKind.Group => $"[{key.Group}]:0",
        _ => Trio(key.Address!.ToString(), key.Protocol, key.Port),
    };

    /// <summary><c>[10.1.0.69]:tcp:80</c>, <c>[2001:db8::1]:udp:53</c>: the real server with its virtual server's protocol.</summary>
    public static string Format(RealServerKey key, VirtualServerKey virtualServer) =>
        Trio(key.Address.ToString(), virtualServer.Protocol, key.Port);

    private static string Trio(string address, TransportProtocol protocol, int port) =>
        $"[{address}]:{TransportProtocols.Name(protocol)}:{port.ToString(CultureInfo.InvariantCulture)}";
}
