using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;
using static Vigil.Plugins.Ipvs.DataPlanes.Ipvs.IpvsConstants;

namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>
/// Turns virtual-server definitions and plans into kernel IPVS services, as keepalived's ipvswrapper does: one service
/// per endpoint (a group's members each get their own), persistence as the PERSISTENT flag with a timeout and a netmask
/// (the IPv4 mask, or for IPv6 a prefix length), <c>ops</c> as ONEPACKET, the hashing options as the scheduler flags of
/// <c>sh</c> and <c>mh</c>. Pure code.
/// </summary>
internal static class IpvsMapping
{
    private const uint WholeIpv4Address = uint.MaxValue;
    private const uint WholeIpv6Address = 128;

    /// <summary>The scheduler module's name for <paramref name="algorithm"/>.</summary>
    public static string SchedulerName(SchedulerAlgorithm algorithm) => algorithm switch
    {
        SchedulerAlgorithm.RoundRobin => "rr",
        SchedulerAlgorithm.WeightedRoundRobin => "wrr",
        SchedulerAlgorithm.LeastConnection => "lc",
        SchedulerAlgorithm.WeightedLeastConnection => "wlc",
        SchedulerAlgorithm.LocalityLeastConnection => "lblc",
        SchedulerAlgorithm.LocalityLeastConnectionReplicated => "lblcr",
        SchedulerAlgorithm.SourceHashing => "sh",
        SchedulerAlgorithm.DestinationHashing => "dh",
        SchedulerAlgorithm.ShortestExpectedDelay => "sed",
        SchedulerAlgorithm.NeverQueue => "nq",
        SchedulerAlgorithm.Maglev => "mh",
        SchedulerAlgorithm.WeightedFailover => "fo",
        SchedulerAlgorithm.WeightedOverflow => "ovf",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "no IPVS scheduler"),
    };

    /// <summary>The destination's connection flags for <paramref name="method"/>.</summary>
    public static uint ConnectionFlags(ForwardingMethod method) => method switch
    {
        ForwardingMethod.DirectRouting => IP_VS_CONN_F_DROUTE,
        ForwardingMethod.Tunnel => IP_VS_CONN_F_TUNNEL,
        _ => IP_VS_CONN_F_MASQ,
    };

    /// <summary>
    /// The settings of <paramref name="service"/>'s kernel services of <paramref name="family"/> (a group may hold both
    /// families, and the netmask is written per family). Call only for a service <see cref="Unsupported"/> accepts.
    /// </summary>
    public static IpvsServiceSettings Settings(VirtualServerDefinition service, AddressFamily family)
    {
        var flags = 0u;
        var timeout = 0u;
        var netmask = family == AddressFamily.InterNetworkV6 ? WholeIpv6Address : WholeIpv4Address;
        if (IsPersistent(service, out var persistence))
        {
            flags |= IP_VS_SVC_F_PERSISTENT;
            timeout = (uint)Math.Min(uint.MaxValue, Math.Ceiling(persistence.TotalSeconds));
            if (service.PersistenceGranularity is { } mask)
            {
                netmask = Netmask(mask, family) ?? throw new ArgumentException(GranularityProblem(mask, family), nameof(service));
            }
        }

        if (service.OnePacketScheduling)
        {
            flags |= IP_VS_SVC_F_ONEPACKET;
        }

        // The scheduler flags mean something else (or nothing) to other schedulers, so only sh and mh get them.
        if (service.Algorithm is SchedulerAlgorithm.SourceHashing or SchedulerAlgorithm.Maglev)
        {
            flags |= (service.Hashing.Fallback ? IP_VS_SVC_F_SCHED1 : 0) | (service.Hashing.IncludePort ? IP_VS_SVC_F_SCHED2 : 0);
        }

        return new IpvsServiceSettings(SchedulerName(service.Algorithm), flags, timeout, netmask);
    }

    /// <summary>The destination for one planned server.</summary>
    public static IpvsDestination Destination(BackendPlan backend) =>
        new(backend.Server, ConnectionFlags(backend.Method), (uint)Math.Max(0, backend.Weight));

    /// <summary>
    /// The kernel services <paramref name="plans"/> ask for, in order, each with the owner whose counters it adds to.
    /// A server planned twice for one service (a sorry server that is also a real server) is programmed once, at the
    /// larger weight, since IPVS holds a server once per service. Throws <see cref="DataPlaneException"/> when two
    /// virtual servers would program one kernel service, or for a service IPVS cannot run.
    /// </summary>
    public static IReadOnlyList<(IpvsService Service, VirtualServerKey Owner)> Services(IReadOnlyList<ServicePlan> plans)
    {
        var owners = new Dictionary<VirtualServerKey, VirtualServerKey>();
        var services = new List<(IpvsService, VirtualServerKey)>();
        foreach (var plan in plans)
        {
            if (Unsupported(plan.Service) is { } why)
            {
                throw new DataPlaneException($"virtual server {plan.Service.Key}: {why}");
            }

            var destinations = Destinations(plan.Backends);
            foreach (var endpoint in plan.Service.Endpoints)
            {
                if (!owners.TryAdd(endpoint, plan.Service.Key))
                {
                    throw new DataPlaneException($"virtual servers {owners[endpoint]} and {plan.Service.Key} both program the IPVS service {endpoint}");
                }

                services.Add((new IpvsService(endpoint, Settings(plan.Service, endpoint.Family), destinations), plan.Service.Key));
            }
        }

        return services;
    }

    /// <summary>Why IPVS cannot run <paramref name="service"/>, or null when it can.</summary>
    public static string? Unsupported(VirtualServerDefinition service)
    {
        foreach (var family in service.Endpoints.Select(e => e.Family).Distinct())
        {
            if (IsPersistent(service, out _) && service.PersistenceGranularity is { } mask && Netmask(mask, family) is null)
            {
                return GranularityProblem(mask, family);
            }

            foreach (var rs in service.RealServers)
            {
                if (rs.Key.Address.AddressFamily != family && rs.Method != ForwardingMethod.Tunnel)
                {
                    return $"real_server {rs.Key} is {FamilyName(rs.Key.Address.AddressFamily)} behind an {FamilyName(family)} service: IPVS forwards across address families only with lb_kind TUN";
                }
            }

            if (service.SorryServer is { } sorry && sorry.Address.AddressFamily != family && service.Method != ForwardingMethod.Tunnel)
            {
                return $"sorry_server {sorry} is {FamilyName(sorry.Address.AddressFamily)} behind an {FamilyName(family)} service: IPVS forwards across address families only with lb_kind TUN";
            }
        }

        return null;
    }

    private static bool IsPersistent(VirtualServerDefinition service, out TimeSpan timeout)
    {
        timeout = service.Persistence ?? TimeSpan.Zero;
        return timeout > TimeSpan.Zero;
    }

    private static ImmutableList<IpvsDestination> Destinations(IReadOnlyList<BackendPlan> backends)
    {
        var destinations = new List<IpvsDestination>(backends.Count);
        foreach (var backend in backends)
        {
            var destination = Destination(backend);
            var index = destinations.FindIndex(d => d.Server == destination.Server);
            if (index < 0)
            {
                destinations.Add(destination);
            }
            else if (destination.Weight > destinations[index].Weight)
            {
                destinations[index] = destination;
            }
        }

        return [.. destinations];
    }

    /// <summary>The NETMASK value for a persistence mask: IPv4 as stored, IPv6 as its prefix length; null when it does not fit.</summary>
    private static uint? Netmask(IPAddress mask, AddressFamily family)
    {
        if (mask.AddressFamily != family)
        {
            return null;
        }

        var bytes = mask.GetAddressBytes();
        if (family == AddressFamily.InterNetwork)
        {
            return BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        }

        var bits = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var prefix = 0;
        while (prefix < 128 && !(bits & (BigInteger.One << (127 - prefix))).IsZero)
        {
            prefix++;
        }

        var contiguous = (bits & ((BigInteger.One << (128 - prefix)) - 1)).IsZero;
        return contiguous && prefix > 0 ? (uint)prefix : null;
    }

    private static string GranularityProblem(IPAddress mask, AddressFamily family) =>
        mask.AddressFamily != family
            ? $"persistence_granularity {mask} is {FamilyName(mask.AddressFamily)} but the service is {FamilyName(family)}"
            : string.Create(CultureInfo.InvariantCulture, $"persistence_granularity {mask} is not an IPv6 prefix of 1-128 bits (IPVS takes a prefix length for IPv6)");

    private static string FamilyName(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
}
