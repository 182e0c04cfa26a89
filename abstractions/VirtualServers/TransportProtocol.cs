namespace Vigil.Abstractions.VirtualServers;

/// <summary>The layer-4 protocol of a virtual service, as keepalived's <c>protocol</c> keyword names it.</summary>
public enum TransportProtocol
{
    /// <summary><c>protocol TCP</c>, keepalived's default.</summary>
    Tcp,

    /// <summary><c>protocol UDP</c>.</summary>
    Udp,

    /// <summary><c>protocol SCTP</c>.</summary>
    Sctp,
}
