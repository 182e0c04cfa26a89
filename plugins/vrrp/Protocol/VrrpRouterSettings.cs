using System.Net;

namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>What one <see cref="VrrpRouter"/> needs from its <c>vrrp_instance</c>.</summary>
/// <param name="Name">The instance name (VI_1).</param>
/// <param name="Version">VRRP version.</param>
/// <param name="VirtualRouterId">VRID.</param>
/// <param name="Priority">Configured priority 1-255 (255 = address owner).</param>
/// <param name="AdvertisementIntervalMs">Configured advert_int in ms (a whole number of seconds for v2, of centiseconds for v3).</param>
/// <param name="PrimaryAddress">Our primary address on the interface (the advert source), used for the tie-break.</param>
/// <param name="VirtualAddresses">The virtual addresses (virtual_ipaddress) acquired as master.</param>
/// <param name="InitialStateMaster"><c>state MASTER</c>.</param>
/// <param name="Preempt">False for <c>nopreempt</c>.</param>
/// <param name="PreemptDelayMs"><c>preempt_delay</c> in ms, 0 for none.</param>
/// <param name="HigherPrioritySendAdvert">
/// <c>higher_prio_send_advert</c>: a MASTER yielding to a higher-priority master sends one last advert first, so the
/// winner hears a lower-priority master and re-announces the addresses (hosts that learnt our MAC during a split brain
/// move to it at once). On by default in Vigil, unlike keepalived, so a healed split brain never leaves clients behind.
/// </param>
internal sealed record VrrpRouterSettings(
    string Name,
    VrrpVersion Version,
    byte VirtualRouterId,
    byte Priority,
    long AdvertisementIntervalMs,
    IPAddress PrimaryAddress,
    IReadOnlyList<IPAddress> VirtualAddresses,
    bool InitialStateMaster = false,
    bool Preempt = true,
    long PreemptDelayMs = 0,
    bool HigherPrioritySendAdvert = true)
{
    /// <summary>The address owner's priority.</summary>
    public const byte OwnerPriority = 255;

    /// <summary>True for the address owner (priority 255).</summary>
    public bool IsOwner => Priority == OwnerPriority;
}
