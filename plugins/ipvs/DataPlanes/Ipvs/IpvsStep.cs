using System.Collections.Immutable;
using System.Globalization;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>
/// One IPVS request: what it changes, its bytes, its effect on the model of what is programmed and the requests that
/// undo it. Pure code.
/// </summary>
/// <remarks>
/// The model lists a service's destinations in the kernel's order: IPVS adds a destination at the head of the list
/// (<c>list_add_rcu</c>), which is the order <c>rr</c> walks, so a new destination goes first here too.
/// </remarks>
/// <param name="Change">What the request does.</param>
/// <param name="Service">The service it is about.</param>
/// <param name="Settings">The service's settings, for NEW and SET service.</param>
/// <param name="Destination">The destination, for the destination changes (DEL needs only its server).</param>
internal sealed record IpvsStep(IpvsChange Change, VirtualServerKey Service, IpvsServiceSettings? Settings = null, IpvsDestination? Destination = null)
{
    /// <summary>The request's bytes for the IPVS family <paramref name="family"/>.</summary>
    public byte[] Request(ushort family, uint sequence) => Change switch
    {
        IpvsChange.NewService => IpvsMessages.NewService(family, sequence, Service, Settings!),
        IpvsChange.SetService => IpvsMessages.SetService(family, sequence, Service, Settings!),
        IpvsChange.DeleteService => IpvsMessages.DeleteService(family, sequence, Service),
        IpvsChange.NewDestination => IpvsMessages.NewDestination(family, sequence, Service, Destination!),
        IpvsChange.SetDestination => IpvsMessages.SetDestination(family, sequence, Service, Destination!),
        _ => IpvsMessages.DeleteDestination(family, sequence, Service, Destination!.Server),
    };

    /// <summary>What is programmed once the kernel accepted this request in <paramref name="state"/>.</summary>
    public ImmutableDictionary<VirtualServerKey, IpvsService> ApplyTo(ImmutableDictionary<VirtualServerKey, IpvsService> state)
    {
        switch (Change)
        {
            case IpvsChange.NewService:
                return state.SetItem(Service, new IpvsService(Service, Settings!, []));
            case IpvsChange.DeleteService:
                return state.Remove(Service);
        }

        var service = state[Service];
        var others = service.Destinations.RemoveAll(d => d.Server == Destination?.Server);
        return state.SetItem(Service, Change switch
        {
            IpvsChange.SetService => service with { Settings = Settings! },
            IpvsChange.NewDestination => service with { Destinations = others.Insert(0, Destination!) },
            IpvsChange.SetDestination => service with { Destinations = service.Destinations.Replace(service.Destination(Destination!.Server)!, Destination) },
            _ => service with { Destinations = others },
        });
    }

    /// <summary>The requests that take <paramref name="before"/> (the state this step was applied to) back after it.</summary>
    public IReadOnlyList<IpvsStep> Inverse(ImmutableDictionary<VirtualServerKey, IpvsService> before) => Change switch
    {
        IpvsChange.NewService => [new IpvsStep(IpvsChange.DeleteService, Service)],
        IpvsChange.SetService => [this with { Settings = before[Service].Settings }],
        IpvsChange.DeleteService =>
        [
            new IpvsStep(IpvsChange.NewService, Service, before[Service].Settings),
            .. before[Service].Destinations.Reverse().Select(d => new IpvsStep(IpvsChange.NewDestination, Service, Destination: d)),
        ],
        IpvsChange.NewDestination => [this with { Change = IpvsChange.DeleteDestination }],
        IpvsChange.SetDestination => [this with { Destination = before[Service].Destination(Destination!.Server) }],
        _ => [this with { Change = IpvsChange.NewDestination, Destination = before[Service].Destination(Destination!.Server) }],
    };

    /// <summary>The change in words, for errors and the log.</summary>
    public override string ToString() => Change switch
    {
        IpvsChange.NewService => $"add IPVS service {Service} ({Describe(Settings!)})",
        IpvsChange.SetService => $"change IPVS service {Service} to {Describe(Settings!)}",
        IpvsChange.DeleteService => $"remove IPVS service {Service}",
        IpvsChange.NewDestination => $"add real server {Describe(Destination!)} to IPVS service {Service}",
        IpvsChange.SetDestination => $"set real server {Describe(Destination!)} of IPVS service {Service}",
        _ => $"remove real server {Destination!.Server} from IPVS service {Service}",
    };

    private static string Describe(IpvsServiceSettings s) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Scheduler}, flags 0x{s.Flags:x}, timeout {s.TimeoutSeconds} s, netmask 0x{s.Netmask:x}");

    private static string Describe(IpvsDestination d) =>
        string.Create(CultureInfo.InvariantCulture, $"{d.Server} (weight {d.Weight}, {MethodName(d.ForwardingMethod)})");

    private static string MethodName(uint method) => method switch
    {
        IpvsConstants.IP_VS_CONN_F_DROUTE => "DR",
        IpvsConstants.IP_VS_CONN_F_TUNNEL => "TUN",
        _ => "NAT",
    };
}
