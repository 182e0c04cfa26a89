namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>Send one advertisement with <paramref name="Priority"/> (0 = "I am stopping, take over now").</summary>
/// <param name="Priority">The priority field to send.</param>
/// <param name="AdvertisementInterval">The interval field (seconds in v2, centiseconds in v3).</param>
internal sealed record SendAdvertisement(byte Priority, ushort AdvertisementInterval) : VrrpAction
{
    /// <summary>True for the priority-0 advert sent when leaving MASTER.</summary>
    public bool IsPriorityZero => Priority == 0;
}
