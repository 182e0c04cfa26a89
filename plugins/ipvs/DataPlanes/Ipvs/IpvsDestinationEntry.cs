namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>One destination as a GET_DEST dump reports it: what is programmed and what the kernel counted.</summary>
/// <param name="Destination">Its address, port, forwarding method and weight.</param>
/// <param name="ActiveConnections">IPVS_DEST_ATTR_ACTIVE_CONNS.</param>
/// <param name="InactiveConnections">IPVS_DEST_ATTR_INACT_CONNS.</param>
/// <param name="PersistentConnections">IPVS_DEST_ATTR_PERSIST_CONNS (persistence templates).</param>
/// <param name="Connections">IPVS_STATS_ATTR_CONNS: connections scheduled to it.</param>
/// <param name="PacketsIn">IPVS_STATS_ATTR_INPKTS.</param>
/// <param name="PacketsOut">IPVS_STATS_ATTR_OUTPKTS.</param>
/// <param name="BytesIn">IPVS_STATS_ATTR_INBYTES.</param>
/// <param name="BytesOut">IPVS_STATS_ATTR_OUTBYTES.</param>
internal sealed record IpvsDestinationEntry(
    IpvsDestination Destination,
    long ActiveConnections,
    long InactiveConnections,
    long PersistentConnections,
    long Connections,
    long PacketsIn,
    long PacketsOut,
    long BytesIn,
    long BytesOut);
