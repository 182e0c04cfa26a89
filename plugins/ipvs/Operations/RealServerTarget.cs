using System.Diagnostics.CodeAnalysis;
using Vigil.Abstractions.Operations;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.Engine;

namespace Vigil.Plugins.Ipvs.Operations;

/// <summary>The virtual and real server an operation names, found in the running configuration.</summary>
/// <param name="Service">The virtual server.</param>
/// <param name="Server">The real server.</param>
internal sealed record RealServerTarget(VirtualServerDefinition Service, RealServerDefinition Server)
{
    /// <summary>The operations' <c>vs</c> and <c>rs</c> parameters.</summary>
    public static IReadOnlyList<OperationParameter> Parameters { get; } =
    [
        new("vs", OperationParameterType.VirtualServer, "the virtual server, e.g. 10.1.0.93:80 or 10.1.0.93:53/udp"),
        new("rs", OperationParameterType.RealServer, "the real server, e.g. 10.1.0.69:80 (the port may be left out when the address is unique)"),
    ];

    /// <summary>Finds the servers <paramref name="arguments"/> name; false with a reason the user acts on.</summary>
    public static bool TryFind(VirtualServerController controller, OperationArguments arguments, [NotNullWhen(true)] out RealServerTarget? target, out string reason)
    {
        target = null;
        var vsKey = arguments.VirtualServer("vs")!;
        var rsKey = arguments.RealServer("rs")!;
        var service = controller.Evaluations.Select(e => e.Service).FirstOrDefault(s => Matches(s.Key, vsKey));
        if (service is null)
        {
            reason = $"no virtual server {vsKey} is configured";
            return false;
        }

        var servers = service.RealServers.Where(r => r.Key.Address.Equals(rsKey.Address) && (rsKey.Port == 0 || r.Key.Port == rsKey.Port)).ToList();
        switch (servers.Count)
        {
            case 1:
                target = new RealServerTarget(service, servers[0]);
                reason = "";
                return true;
            case 0:
                reason = $"virtual server {service.Key} has no real server {rsKey}";
                return false;
            default:
                reason = $"virtual server {service.Key} has {servers.Count} real servers on {rsKey.Address}: give the port";
                return false;
        }
    }

    // A user who writes "10.1.0.93:80" for a UDP service means it when it is the only service on that endpoint.
    private static bool Matches(VirtualServerKey configured, VirtualServerKey asked) =>
        configured == asked
        || (configured.Kind == VirtualServerKind.Endpoint && asked.Kind == VirtualServerKind.Endpoint
            && configured.Address!.Equals(asked.Address) && configured.Port == asked.Port && asked.Protocol == TransportProtocol.Tcp
            && configured.Protocol != TransportProtocol.Tcp)
        || (configured.Kind == VirtualServerKind.Group && asked.Kind == VirtualServerKind.Group && configured.Group == asked.Group);
}
