namespace Vigil.Abstractions.VirtualServers;

/// <summary>Text forms of <see cref="TransportProtocol"/>: keepalived writes them upper case, keys lower case.</summary>
public static class TransportProtocols
{
    /// <summary>Parses <c>TCP</c>, <c>udp</c>, <c>Sctp</c>, …; false for anything else.</summary>
    public static bool TryParse(string? text, out TransportProtocol protocol)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "TCP":
                protocol = TransportProtocol.Tcp;
                return true;
            case "UDP":
                protocol = TransportProtocol.Udp;
                return true;
            case "SCTP":
                protocol = TransportProtocol.Sctp;
                return true;
            default:
                protocol = default;
                return false;
        }
    }

    /// <summary>The lower-case name used in keys, status and metrics labels (<c>tcp</c>).</summary>
    public static string Name(TransportProtocol protocol) => protocol switch
    {
        TransportProtocol.Udp => "udp",
        TransportProtocol.Sctp => "sctp",
        _ => "tcp",
    };
}
