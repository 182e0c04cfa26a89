using System.Net;
using System.Net.Sockets;
using Vigil.Linux.Netlink.Route;
using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Os;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>Finds an instance's interface and advert source address, and creates its VMAC when it uses one.</summary>
internal static class InstanceLinkResolver
{
    /// <summary>Resolves (and for use_vmac creates) the links of <paramref name="instance"/>; throws when the interface is missing.</summary>
    public static InstanceLink Resolve(VrrpInstanceOptions instance, INetlinkClient netlink, IVrrpPlatform platform)
    {
        var parent = netlink.GetLink(instance.Interface)
            ?? throw new InvalidOperationException($"interface {instance.Interface} of vrrp_instance {instance.Name} does not exist");
        var source = instance.UnicastSourceIp ?? instance.McastSourceIp ?? Primary(instance, parent, netlink);
        if (!instance.UseVmac)
        {
            return new InstanceLink(parent.Name, parent.Index, parent.Name, parent.Index, parent.Mac, source, null);
        }

        // keepalived's VMAC: a private macvlan with the RFC 5798 virtual MAC that carries the addresses; the parent
        // must then not answer ARP for them with its own MAC (arp_ignore/arp_filter), nor announce a VIP with its own MAC
        // when it asks for a neighbour on the VIP's behalf (arp_announce 2 picks its own address instead).
        var name = instance.VmacName ?? $"vrrp.{instance.VirtualRouterId}";
        var mac = VirtualMac.For((byte)instance.VirtualRouterId, instance.IsIpv6);
        var index = netlink.CreateMacvlan(name, parent.Index, mac);
        netlink.SetLinkUp(index, true);
        platform.SetSysctl($"net/ipv4/conf/{parent.Name}/arp_ignore", "1");
        platform.SetSysctl($"net/ipv4/conf/{parent.Name}/arp_filter", "1");
        platform.SetSysctl($"net/ipv4/conf/{parent.Name}/arp_announce", "2");
        platform.SetSysctl($"net/ipv4/conf/{name}/arp_ignore", "1");
        return new InstanceLink(parent.Name, parent.Index, name, index, mac, source, index);
    }

    private static IPAddress Primary(VrrpInstanceOptions instance, LinkInfo link, INetlinkClient netlink)
    {
        var family = instance.IsIpv6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        var virtualAddresses = instance.VirtualAddresses.Select(a => a.Address).ToHashSet();
        var candidates = netlink.ListAddresses(link.Index, family).Where(a => !virtualAddresses.Contains(a.Address)).ToList();

        // RFC 5798 §5.1.2.2: IPv6 adverts come from the interface's link-local address.
        var chosen = instance.IsIpv6
            ? candidates.FirstOrDefault(a => a.Address.IsIPv6LinkLocal)
            : candidates.FirstOrDefault(a => a.Scope == 0) ?? candidates.FirstOrDefault();
        return chosen?.Address
            ?? throw new InvalidOperationException($"interface {instance.Interface} of vrrp_instance {instance.Name} has no {(instance.IsIpv6 ? "link-local IPv6" : "IPv4")} address");
    }
}
