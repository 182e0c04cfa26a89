using System.Net.Sockets;
using Vigil.Linux;
using Vigil.Linux.Netlink.Route;

namespace Vigil.Plugins.Vrrp.Engine;

internal sealed partial class GroupRunner
{
    private void AddAddresses(InstanceContext instance)
    {
        foreach (var address in instance.Options.VirtualAddresses)
        {
            Try(instance, $"add {address.Address}", () => _services.Netlink.AddAddress(AddressPlan.Address(address, DeviceIndex(instance, address.Device))));
        }

        // keepalived's order: addresses, then rules, then routes (a route may need a rule's table).
        instance.Rules.Add(_services.Netlink, (rule, e) => LogAddressFailed(instance.Name, $"add rule {RuleText.Format(rule)}", e.Message));
        foreach (var line in instance.Options.VirtualRoutes)
        {
            if (AddressPlan.Route(line, instance.Link.Index, n => _services.Netlink.GetLink(n)?.Index) is { } route)
            {
                Try(instance, $"add route {line}", () => _services.Netlink.AddRoute(route));
            }
        }

        instance.HoldsAddresses = true;
    }

    private void RemoveAddresses(InstanceContext instance)
    {
        foreach (var line in instance.Options.VirtualRoutes)
        {
            if (AddressPlan.Route(line, instance.Link.Index, n => _services.Netlink.GetLink(n)?.Index) is { } route)
            {
                Try(instance, $"delete route {line}", () => _services.Netlink.DeleteRoute(route));
            }
        }

        instance.Rules.Remove(_services.Netlink, (rule, e) => LogAddressFailed(instance.Name, $"delete rule {RuleText.Format(rule)}", e.Message));

        foreach (var address in instance.Options.VirtualAddresses)
        {
            Try(instance, $"delete {address.Address}", () => _services.Netlink.DeleteAddress(AddressPlan.Address(address, DeviceIndex(instance, address.Device))));
        }

        instance.HoldsAddresses = false;
    }

    private void Announce(InstanceContext instance, int count)
    {
        for (var i = 0; i < count; i++)
        {
            foreach (var address in instance.Options.VirtualAddresses)
            {
                // A VIP on another device is announced from that device, with that device's MAC: its neighbours can
                // reach no other.
                var (index, mac) = Device(instance, address.Device);
                Try(instance, $"announce {address.Address}", () =>
                {
                    if (address.IsIpv6)
                    {
                        _services.Gratuitous.SendNeighbourAdvert(index, mac, address.Address);
                    }
                    else
                    {
                        _services.Gratuitous.SendArp(index, mac, address.Address);
                    }
                });
            }
        }
    }

    private int DeviceIndex(InstanceContext instance, string? device) =>
        device is null || device == instance.Options.Interface && instance.Link.VmacIndex is null
            ? instance.Link.Index
            : _services.Netlink.GetLink(device)?.Index ?? instance.Link.Index;

    /// <summary>The announcing device and source MAC: the instance's own link (its VMAC, if any) for its interface.</summary>
    private (int Index, byte[] Mac) Device(InstanceContext instance, string? device)
    {
        var index = DeviceIndex(instance, device);
        if (device is null || device == instance.Options.Interface)
        {
            return (index, instance.Link.Mac);
        }

        return _services.Netlink.GetLink(device) is { } link ? (link.Index, link.Mac) : (index, instance.Link.Mac);
    }

    private void Try(InstanceContext instance, string what, Action action)
    {
        try
        {
            action();
        }
        catch (Exception e) when (e is OsException or SocketException or IOException or ObjectDisposedException)
        {
            LogAddressFailed(instance.Name, what, e.Message);
        }
    }
}
