using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Vrrp.Configuration;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>
/// keepalived's static_ipaddress and static_routes: installed once at start, whatever the VRRP state, and left in place
/// on stop like keepalived does. static_rules are accepted but not installed (Vigil has no rule netlink request yet).
/// </summary>
internal static class StaticAddresses
{
    /// <summary>Adds the static addresses and routes of <paramref name="configuration"/>; lines that fail are skipped.</summary>
    public static Task ApplyAsync(ClusterConfiguration configuration, IVrrpPlatform platform)
    {
        var addresses = ConfigSections.Lines(configuration.Section("static_ipaddress"));
        var routes = ConfigSections.Lines(configuration.Section("static_routes"));
        if (addresses.Count == 0 && routes.Count == 0)
        {
            return Task.CompletedTask;
        }

        using var netlink = platform.OpenNetlink();
        foreach (var line in addresses)
        {
            if (VirtualAddress.TryParse(line, out _) is { Device: { } device } address && netlink.GetLink(device) is { } link)
            {
                netlink.AddAddress(AddressPlan.Address(address, link.Index));
            }
        }

        foreach (var line in routes)
        {
            if (AddressPlan.Route(line, 0, n => netlink.GetLink(n)?.Index) is { } route)
            {
                netlink.AddRoute(route with { InterfaceIndex = route.InterfaceIndex == 0 ? null : route.InterfaceIndex });
            }
        }

        return Task.CompletedTask;
    }
}
