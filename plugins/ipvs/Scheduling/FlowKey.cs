using System.Net;

namespace Vigil.Plugins.Ipvs.Scheduling;

/// <summary>What a scheduler may hash: the new connection's addresses and ports.</summary>
/// <param name="Source">The client's address.</param>
/// <param name="SourcePort">The client's port.</param>
/// <param name="Destination">The virtual address the client reached.</param>
/// <param name="DestinationPort">The virtual port.</param>
public readonly record struct FlowKey(IPAddress Source, int SourcePort, IPAddress Destination, int DestinationPort);
