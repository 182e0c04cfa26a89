using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Ipvs.DataPlanes;

/// <summary>What a data plane counted for one server behind one service.</summary>
/// <param name="Service">The virtual server.</param>
/// <param name="Server">The real (or sorry) server.</param>
/// <param name="ActiveConnections">Established connections (IPVS's ActiveConn).</param>
/// <param name="InactiveConnections">Connections in any other state (IPVS's InActConn).</param>
/// <param name="Connections">Connections scheduled to it since it was programmed.</param>
/// <param name="PacketsIn">Packets from clients to it.</param>
/// <param name="PacketsOut">Packets from it to clients (0 where the plane does not see replies: DR, TUN).</param>
/// <param name="BytesIn">Bytes from clients to it.</param>
/// <param name="BytesOut">Bytes from it to clients.</param>
public sealed record BackendCounters(
    VirtualServerKey Service,
    RealServerKey Server,
    long ActiveConnections,
    long InactiveConnections,
    long Connections,
    long PacketsIn,
    long PacketsOut,
    long BytesIn,
    long BytesOut);
