using System.Net;

namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>What the receiving instance is configured with; the decoder rejects advertisements that disagree.</summary>
/// <param name="Version">The configured version.</param>
/// <param name="VirtualRouterId">The configured VRID.</param>
/// <param name="AuthType">v2: the configured authentication.</param>
/// <param name="AuthKey">v2: the password, already truncated/padded to 8 bytes (<see cref="VrrpCodec.AuthKey"/>).</param>
/// <param name="AdvertisementInterval">v2: the configured interval in seconds (mismatches are discarded); ignored in v3.</param>
/// <param name="Addresses">When not null, the configured virtual addresses the advert must list (keepalived's check, skipped by <c>skip_check_adv_addr</c>).</param>
/// <param name="CheckTtl">False for unicast peers, where keepalived does not require TTL 255.</param>
internal sealed record VrrpExpectation(
    VrrpVersion Version,
    byte VirtualRouterId,
    VrrpAuthType AuthType = VrrpAuthType.None,
    byte[]? AuthKey = null,
    ushort AdvertisementInterval = 1,
    IReadOnlyList<IPAddress>? Addresses = null,
    bool CheckTtl = true);
