using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Vrrp.Configuration;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>
/// keepalived's static_ipaddress, static_routes and static_rules: installed once at start, whatever the VRRP state, and
/// left in place on stop like keepalived does.
/// </summary>
internal static class StaticAddresses
{
    /// <summary>Adds the static addresses, routes and rules of <paramref name="configuration"/>; lines that do not parse are skipped.</summary>
    public static Task ApplyAsync(ClusterConfiguration configuration, IVrrpPlatform platform)
    {
        var addresses = ConfigSections.Lines(configuration.Section("static_ipaddress"));
        var routes = ConfigSections.Lines(configuration.Section("static_routes"));
        var rules = VrrpConfigurationReader.Read(configuration, new ValidationReport(configuration.Locator)).StaticRules;
        if (addresses.Count == 0 && routes.Count == 0 && rules.Count == 0)
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

        foreach (var rule in rules)
        {
            netlink.AddRule(rule);
        }

        return Task.CompletedTask;
    }
}
