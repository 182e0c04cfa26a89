using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>One service as a GET_SERVICE dump reports it.</summary>
/// <param name="Service">Its identity: an address, port and protocol, or a fwmark and family.</param>
/// <param name="Settings">Its scheduler, flags (HASHED removed), persistence timeout and netmask.</param>
internal sealed record IpvsServiceEntry(VirtualServerKey Service, IpvsServiceSettings Settings);
