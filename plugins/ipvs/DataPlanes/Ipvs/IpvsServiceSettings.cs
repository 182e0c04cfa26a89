namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>What an IPVS service does besides its identity: everything IPVS_CMD_SET_SERVICE can change.</summary>
/// <param name="Scheduler">The scheduler module's name (<c>wlc</c>, <c>mh</c>).</param>
/// <param name="Flags">IP_VS_SVC_F_* flags (persistent, one-packet, the scheduler flags); never HASHED.</param>
/// <param name="TimeoutSeconds">The persistence timeout, 0 without persistence.</param>
/// <param name="Netmask">
/// The NETMASK attribute's value: for IPv4 the persistence mask's four bytes in network order (read as the u32 the
/// kernel stores them as, so 255.255.255.0 is 0x00ffffff on this little-endian host); for IPv6 a prefix length 1–128.
/// </param>
internal sealed record IpvsServiceSettings(string Scheduler, uint Flags, uint TimeoutSeconds, uint Netmask);
