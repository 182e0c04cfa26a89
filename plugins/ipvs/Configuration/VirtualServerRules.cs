using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.Configuration;

/// <summary>
/// The checks that look across keywords: what keepalived would accept and the kernel then refuse or loop on (a real
/// server on the VIP itself, IPv4 servers behind an IPv6 NAT service, two services claiming one address).
/// </summary>
internal static class VirtualServerRules
{
    /// <summary>Reports what is wrong inside one virtual server.</summary>
    public static void CheckService(VirtualServerDefinition service, IConfigLocator locator, IConfigurationSection block, ValidationReport report)
    {
        var context = ConfigSections.Describe(block, "virtual_server");
        var seen = new Dictionary<RealServerKey, RealServerDefinition>();
        foreach (var rs in service.RealServers)
        {
            var at = rs.Location ?? service.Location;
            if (!seen.TryAdd(rs.Key, rs))
            {
                Error(report, at, block.Path, $"real_server {rs.Key} appears twice in {context}");
                continue;
            }

            if (service.Endpoints.Any(e => e.Address is not null && e.Address.Equals(rs.Key.Address)))
            {
                Error(report, at, block.Path, $"real_server {rs.Key} in {context} is the virtual address itself: traffic would loop back to the director");
            }

            if (rs.Method != ForwardingMethod.Tunnel && FamilyOf(service) is { } family && rs.Key.Address.AddressFamily != family)
            {
                Error(report, at, block.Path,
                    $"real_server {rs.Key} in {context} is {FamilyName(rs.Key.Address.AddressFamily)} behind an {FamilyName(family)} service; only TUN forwarding can mix address families");
            }
        }

        if (service.SorryServer is { } sorry)
        {
            var sorryAt = locator.Locate(ConfigurationPath.Combine(block.Path, "sorry_server")) ?? service.Location;
            if (seen.ContainsKey(sorry))
            {
                Error(report, sorryAt, block.Path, $"sorry_server {sorry} in {context} is also one of its real servers; the sorry server must be somewhere else");
            }
            else if (!System.Net.IPAddress.IsLoopback(sorry.Address) && FamilyOf(service) is { } family && sorry.Address.AddressFamily != family)
            {
                Error(report, sorryAt, block.Path, $"sorry_server {sorry} in {context} is {FamilyName(sorry.Address.AddressFamily)} behind an {FamilyName(family)} service");
            }
        }
    }

    /// <summary>Reports every virtual server that claims traffic another one already claims.</summary>
    public static void CheckOverlaps(IReadOnlyList<VirtualServerDefinition> services, ValidationReport report)
    {
        var owners = new Dictionary<(System.Net.IPAddress Address, TransportProtocol Protocol), List<(int Port, VirtualServerDefinition Service)>>();
        var marks = new Dictionary<(uint Mark, System.Net.Sockets.AddressFamily Family), VirtualServerDefinition>();
        foreach (var service in services)
        {
            foreach (var endpoint in service.Endpoints)
            {
                VirtualServerDefinition? other = null;
                if (endpoint.Kind == VirtualServerKind.Fwmark)
                {
                    if (!marks.TryAdd((endpoint.Fwmark, endpoint.Family), service))
                    {
                        other = marks[(endpoint.Fwmark, endpoint.Family)];
                    }
                }
                else
                {
                    var slot = (endpoint.Address!, endpoint.Protocol);
                    if (!owners.TryGetValue(slot, out var ports))
                    {
                        owners[slot] = ports = [];
                    }

                    // A port-less (port 0) service takes every port of its address, as IPVS's persistent port-zero services do.
                    other = ports.FirstOrDefault(p => p.Port == endpoint.Port || p.Port == 0 || endpoint.Port == 0).Service;
                    ports.Add((endpoint.Port, service));
                }

                if (other is not null && !ReferenceEquals(other, service))
                {
                    var where = service.Location ?? new SourceLocation("", 0);
                    report.Error(where, $"virtual_server {service.Key} overlaps virtual_server {other.Key} ({other.Location}): both claim {endpoint}");
                    break;
                }
            }
        }
    }

    private static System.Net.Sockets.AddressFamily? FamilyOf(VirtualServerDefinition service)
    {
        var families = service.Endpoints.Select(e => e.Family).Distinct().ToList();
        return families.Count == 1 && families[0] != System.Net.Sockets.AddressFamily.Unspecified ? families[0] : null;
    }

    private static string FamilyName(System.Net.Sockets.AddressFamily family) =>
        family == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";

    private static void Error(ValidationReport report, SourceLocation? at, string path, string message)
    {
        if (at is not null)
        {
            report.Error(at, message);
        }
        else
        {
            report.Error(path, message);
        }
    }
}
