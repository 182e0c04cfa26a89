using System.Collections.Immutable;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>
/// Works out the IPVS requests that turn what is programmed into what is wanted, in an order that never leaves a
/// service without a server it is meant to keep: the kernel applies each request on its own, so every state between two
/// requests carries traffic. Pure code.
/// </summary>
/// <remarks>
/// The order: new services first, each created and then given its destinations (in reverse, so the kernel's list,
/// which IPVS prepends to, reads in configuration order); then each kept service's changed settings, its new
/// destinations, its weight rises, its weight falls and only then its removed destinations; removed services last.
/// Raising before lowering keeps a positive weight somewhere when one server takes over from another.
/// </remarks>
internal static class IpvsChangePlan
{
    /// <summary>The requests from <paramref name="programmed"/> to <paramref name="wanted"/>; none when they agree.</summary>
    public static IReadOnlyList<IpvsStep> Between(ImmutableDictionary<VirtualServerKey, IpvsService> programmed, IReadOnlyList<IpvsService> wanted)
    {
        var steps = new List<IpvsStep>();
        foreach (var service in wanted.Where(s => !programmed.ContainsKey(s.Key)))
        {
            steps.Add(new IpvsStep(IpvsChange.NewService, service.Key, service.Settings));
            steps.AddRange(service.Destinations.Reverse().Select(d => new IpvsStep(IpvsChange.NewDestination, service.Key, Destination: d)));
        }

        foreach (var service in wanted)
        {
            if (programmed.TryGetValue(service.Key, out var was))
            {
                steps.AddRange(Update(was, service));
            }
        }

        var kept = wanted.Select(s => s.Key).ToHashSet();
        steps.AddRange(programmed.Keys
            .Where(k => !kept.Contains(k))
            .OrderBy(k => k.ToString(), StringComparer.Ordinal)
            .Select(k => new IpvsStep(IpvsChange.DeleteService, k)));
        return steps;
    }

    private static IEnumerable<IpvsStep> Update(IpvsService was, IpvsService service)
    {
        if (was.Settings != service.Settings)
        {
            yield return new IpvsStep(IpvsChange.SetService, service.Key, service.Settings);
        }

        foreach (var added in service.Destinations.Reverse().Where(d => was.Destination(d.Server) is null))
        {
            yield return new IpvsStep(IpvsChange.NewDestination, service.Key, Destination: added);
        }

        var changed = service.Destinations
            .Select(d => (Now: d, Before: was.Destination(d.Server)))
            .Where(p => p.Before is not null && p.Before != p.Now)
            .ToList();
        foreach (var (now, before) in changed.Where(p => p.Now.Weight >= p.Before!.Weight).Concat(changed.Where(p => p.Now.Weight < p.Before!.Weight)))
        {
            yield return new IpvsStep(IpvsChange.SetDestination, service.Key, Destination: now);
        }

        foreach (var removed in was.Destinations.Where(d => service.Destination(d.Server) is null))
        {
            yield return new IpvsStep(IpvsChange.DeleteDestination, service.Key, Destination: removed);
        }
    }
}
