using System.Globalization;

namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>The kernel's answer to IPVS_CMD_GET_INFO.</summary>
/// <param name="Version">IP_VS_VERSION_CODE: 0x010201 is 1.2.1.</param>
/// <param name="ConnectionTableSize">The size of the connection hash table.</param>
internal sealed record IpvsInfo(uint Version, uint ConnectionTableSize)
{
    /// <summary>The version as the kernel logs it: <c>1.2.1</c>.</summary>
    public string VersionText => string.Create(CultureInfo.InvariantCulture, $"{(Version >> 16) & 0xff}.{(Version >> 8) & 0xff}.{Version & 0xff}");
}
