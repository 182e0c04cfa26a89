using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>One IPVS destination (real server) of a service as Vigil programs it; thresholds are always 0 (none).</summary>
/// <param name="Server">Its address and port: the destination's identity within the service.</param>
/// <param name="ForwardingMethod">IP_VS_CONN_F_MASQ, _TUNNEL or _DROUTE.</param>
/// <param name="Weight">Its weight; 0 keeps it (and its connections) but schedules it nothing new.</param>
internal sealed record IpvsDestination(RealServerKey Server, uint ForwardingMethod, uint Weight);
