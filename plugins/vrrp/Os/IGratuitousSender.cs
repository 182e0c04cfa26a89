using System.Net;

namespace Vigil.Plugins.Vrrp.Os;

/// <summary>Announces VIPs after a transition to master; faked in engine tests.</summary>
internal interface IGratuitousSender : IDisposable
{
    /// <summary>Broadcasts a gratuitous ARP for an IPv4 VIP out of the given link, from <paramref name="mac"/>.</summary>
    void SendArp(int interfaceIndex, byte[] mac, IPAddress address);

    /// <summary>Sends an unsolicited neighbour advertisement for an IPv6 VIP to ff02::1 on the given link.</summary>
    void SendNeighbourAdvert(int interfaceIndex, byte[] mac, IPAddress address);
}
