namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>The VRRP protocol version: 2 (RFC 3768, IPv4 only) or 3 (RFC 5798/9568, IPv4 and IPv6).</summary>
internal enum VrrpVersion : byte
{
    /// <summary>RFC 3768: interval in whole seconds, 8 bytes of authentication data.</summary>
    V2 = 2,

    /// <summary>RFC 5798/9568: interval in centiseconds, checksum over a pseudo-header, no authentication.</summary>
    V3 = 3,
}
