namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>The VRRPv2 authentication type field (RFC 2338 values, kept by keepalived).</summary>
internal enum VrrpAuthType : byte
{
    /// <summary>No authentication.</summary>
    None = 0,

    /// <summary>keepalived's PASS: an 8-byte clear-text password in the authentication data.</summary>
    Pass = 1,

    /// <summary>keepalived's AH: an IPsec AH header with HMAC-MD5-96 in front of the VRRP message.</summary>
    Ah = 2,
}
