using Vigil.Linux.Netlink.Route;
using Vigil.Plugins.Vrrp.Os;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>Opens the OS adapters the engine drives; the Linux implementation is replaced by fakes in engine tests.</summary>
internal interface IVrrpPlatform
{
    /// <summary>Opens the advertisement socket of one instance.</summary>
    IVrrpSocket OpenSocket(VrrpSocketOptions options);

    /// <summary>Opens an rtnetlink client.</summary>
    INetlinkClient OpenNetlink();

    /// <summary>Opens the gratuitous ARP / unsolicited NA sender.</summary>
    IGratuitousSender OpenGratuitous();

    /// <summary>Subscribes to link notifications.</summary>
    ILinkMonitor OpenLinkMonitor();

    /// <summary>Writes a sysctl under /proc/sys (keepalived's arp_ignore on a VMAC's parent); failures are ignored.</summary>
    void SetSysctl(string path, string value);
}
