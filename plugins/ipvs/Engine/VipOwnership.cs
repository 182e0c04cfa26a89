using System.Net;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.State;
using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Plugins.Ipvs.Engine;

/// <summary><c>ha_suspend</c>'s rule: a service whose address is a VRRP VIP is programmed only while that instance is MASTER here.</summary>
internal static class VipOwnership
{
    /// <summary>
    /// True when <paramref name="service"/> may be programmed: it has no <c>ha_suspend</c>, none of its addresses is a
    /// VIP of a VRRP instance, or an instance holding one of them is MASTER.
    /// </summary>
    public static bool MayProgram(VirtualServerDefinition service, IStateSnapshot snapshot)
    {
        if (!service.HaSuspend)
        {
            return true;
        }

        var addresses = service.Endpoints.Select(e => e.Address).OfType<IPAddress>().ToHashSet();
        var owners = snapshot.All<VrrpInstanceStatus>()
            .Select(e => e.Value)
            .Where(s => s.VirtualAddresses.Any(addresses.Contains))
            .ToList();
        return owners.Count == 0 || owners.Any(s => s.State == VrrpState.Master);
    }
}
