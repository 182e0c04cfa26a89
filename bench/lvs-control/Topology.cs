using System.Net;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Ipvs.Bench;

/// <summary>
/// The benchmark's configuration: <see cref="Services"/> NAT virtual servers (wrr) of <see cref="ServersPerService"/>
/// real servers each, every real server with one checker. Generation g rotates the weights 1–10 within each service,
/// so every real server's weight differs from the previous generation's and every service's shares change.
/// </summary>
internal static class Topology
{
    public const int Services = 100;

    public const int ServersPerService = 10;

    public const int RealServers = Services * ServersPerService;

    /// <summary>The full table at weight generation <paramref name="generation"/>.</summary>
    public static VirtualServerTable Full(int generation) => Build(Services, 10, generation);

    /// <summary>One small service on other addresses, to compile the hot paths before anything is measured.</summary>
    public static VirtualServerTable WarmUp(int generation) => Build(1, 20, generation);

    /// <summary>The weight of real server <paramref name="server"/> (0-based within its service) at <paramref name="generation"/>.</summary>
    public static int Weight(int server, int generation) => 1 + ((server + generation) % ServersPerService);

    /// <summary>The <paramref name="index"/>-th real server of the full table, counted across services.</summary>
    public static (VirtualServerDefinition Service, RealServerDefinition Server) At(VirtualServerTable table, int index)
    {
        var service = table.VirtualServers[index / ServersPerService];
        return (service, service.RealServers[index % ServersPerService]);
    }

    private static VirtualServerTable Build(int services, int firstOctet, int generation)
    {
        var list = new List<VirtualServerDefinition>(services);
        for (var s = 0; s < services; s++)
        {
            var key = VirtualServerKey.ForEndpoint(new IPAddress([(byte)firstOctet, 100, (byte)(s / 250), (byte)(1 + (s % 250))]), 80);
            var servers = new List<RealServerDefinition>(ServersPerService);
            for (var r = 0; r < ServersPerService; r++)
            {
                var address = new IPAddress([(byte)firstOctet, 101, (byte)s, (byte)(1 + r)]);
                servers.Add(new RealServerDefinition(new RealServerKey(address, 8080), Weight(r, generation), false, ForwardingMethod.Nat, 1, null));
            }

            list.Add(new VirtualServerDefinition
            {
                Key = key,
                Endpoints = [key],
                Algorithm = SchedulerAlgorithm.WeightedRoundRobin,
                RealServers = servers,
            });
        }

        return new VirtualServerTable(list, DataPlaneChoice.Nftables);
    }
}
