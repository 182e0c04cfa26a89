using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Plugins.Ipvs.DataPlanes;

/// <summary>One server a data plane must program behind a service.</summary>
/// <param name="Server">Its address and port.</param>
/// <param name="Weight">
/// Its effective weight. 0 keeps it known (established connections continue, counters stay) but sends it no new
/// connection: <c>inhibit_on_failure</c>, a drain, an inhibited sorry server.
/// </param>
/// <param name="Method">How packets reach it.</param>
/// <param name="IsSorryServer">True for the <c>sorry_server</c>.</param>
public sealed record BackendPlan(RealServerKey Server, int Weight, ForwardingMethod Method, bool IsSorryServer = false);
