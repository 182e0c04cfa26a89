namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>Why a received datagram was not accepted as an advertisement. Names for metrics come from <see cref="VrrpRejectReasons"/>.</summary>
internal enum VrrpRejectReason
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>Shorter than the fixed header, or than the address list and authentication data it announces.</summary>
    TooShort,

    /// <summary>Longer than the header announces (keepalived requires the exact length).</summary>
    BadLength,

    /// <summary>The IPv4 header is malformed (version, header length, total length, protocol).</summary>
    BadIpHeader,

    /// <summary>Not version 2 or 3, not the configured version, or version 2 over IPv6.</summary>
    BadVersion,

    /// <summary>The type is not 1 (advertisement).</summary>
    BadType,

    /// <summary>The IPv4 TTL or IPv6 hop limit is not 255.</summary>
    BadTtl,

    /// <summary>The checksum does not verify.</summary>
    BadChecksum,

    /// <summary>The VRID is 0.</summary>
    InvalidVrid,

    /// <summary>The VRID is not the one expected.</summary>
    VridMismatch,

    /// <summary>The address count is 0 (RFC 5798 §5.2.5: the minimum is 1).</summary>
    EmptyAddresses,

    /// <summary>The address count differs from the configured virtual addresses.</summary>
    AddressCountMismatch,

    /// <summary>The addresses differ from the configured virtual addresses.</summary>
    AddressListMismatch,

    /// <summary>The advertisement interval is 0.</summary>
    BadInterval,

    /// <summary>VRRPv2: the interval differs from the configured one (RFC 3768 §7.1 says discard).</summary>
    IntervalMismatch,

    /// <summary>VRRPv2: the authentication type is not 0, 1 or 2.</summary>
    InvalidAuthType,

    /// <summary>VRRPv2: the authentication type (or the presence of an AH header) differs from the configured one.</summary>
    AuthTypeMismatch,

    /// <summary>The password or the AH HMAC does not match.</summary>
    AuthFailure,

    /// <summary>The AH sequence number was not above the last one accepted.</summary>
    AhReplay,
}
