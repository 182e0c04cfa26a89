namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>Stable snake_case names of <see cref="VrrpRejectReason"/> for <c>vigil_vrrp_packets_rejected_total{reason=...}</c>.</summary>
internal static class VrrpRejectReasons
{
    /// <summary>The metric label of <paramref name="reason"/>; these strings are part of the metrics contract, never rename them.</summary>
    public static string MetricName(this VrrpRejectReason reason) => reason switch
    {
        VrrpRejectReason.None => "none",
        VrrpRejectReason.TooShort => "too_short",
        VrrpRejectReason.BadLength => "bad_length",
        VrrpRejectReason.BadIpHeader => "bad_ip_header",
        VrrpRejectReason.BadVersion => "bad_version",
        VrrpRejectReason.BadType => "bad_type",
        VrrpRejectReason.BadTtl => "bad_ttl",
        VrrpRejectReason.BadChecksum => "bad_checksum",
        VrrpRejectReason.InvalidVrid => "invalid_vrid",
        VrrpRejectReason.VridMismatch => "vrid_mismatch",
        VrrpRejectReason.EmptyAddresses => "empty_addresses",
        VrrpRejectReason.AddressCountMismatch => "address_count_mismatch",
        VrrpRejectReason.AddressListMismatch => "address_list_mismatch",
        VrrpRejectReason.BadInterval => "bad_interval",
        VrrpRejectReason.IntervalMismatch => "interval_mismatch",
        VrrpRejectReason.InvalidAuthType => "invalid_auth_type",
        VrrpRejectReason.AuthTypeMismatch => "auth_type_mismatch",
        VrrpRejectReason.AuthFailure => "auth_failure",
        VrrpRejectReason.AhReplay => "ah_replay",
        _ => "unknown",
    };
}
