namespace Vigil.Linux.Netlink.Conntrack;

/// <summary>How many tracked connections carry one mark, split as IPVS splits them.</summary>
/// <param name="Established">TCP connections in ESTABLISHED (IPVS's ActiveConn).</param>
/// <param name="Other">Every other connection: TCP in any other state, UDP and others (IPVS's InActConn).</param>
public readonly record struct ConnectionCount(long Established, long Other);
