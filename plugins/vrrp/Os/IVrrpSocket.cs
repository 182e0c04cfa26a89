using System.Net;
using System.Net.Sockets;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>VRRP advertisement transport for one instance on one interface; faked in engine tests.</summary>
internal interface IVrrpSocket : IDisposable
{
    /// <summary>InterNetwork or InterNetworkV6.</summary>
    AddressFamily Family { get; }

    /// <summary>Index of the bound interface.</summary>
    int InterfaceIndex { get; }

    /// <summary>The multicast group adverts go to.</summary>
    IPAddress Group { get; }

    /// <summary>Sends a VRRP packet (bytes from the VRRP header on) to the group or a unicast peer, TTL 255.</summary>
    void Send(ReadOnlySpan<byte> vrrpPacket, IPAddress destination);

    /// <summary>Sends a complete IPv4 packet, header included (IP_HDRINCL), for AH authentication.</summary>
    void SendRawIpv4(ReadOnlySpan<byte> ipPacket);

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for one packet; false on timeout. Meant for a dedicated thread so the
    /// engine can wait for "packet or next deadline".
    /// </summary>
    bool TryReceive(TimeSpan timeout, out VrrpDatagram? datagram);

    /// <summary>
    /// The receive descriptor, so one engine thread can wait on every socket it owns at once (ppoll), or -1 when there
    /// is none (fakes): the engine then calls <see cref="TryReceive"/> with a zero timeout on each pass.
    /// </summary>
    nint ReceiveHandle => -1;
}
