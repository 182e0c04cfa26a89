using System.Net;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Vrrp.Tests.Protocol;

internal static class RouterHarness
{
    public static VrrpRouter Router(byte priority = 100, string address = "10.0.0.1", VrrpVersion version = VrrpVersion.V2, long intervalMs = 1000,
        bool master = false, bool preempt = true, long preemptDelayMs = 0, bool higherPrioritySendAdvert = true) =>
        new(new VrrpRouterSettings("VI_1", version, 14, priority, intervalMs, IPAddress.Parse(address), [IPAddress.Parse("10.0.0.100")],
            master, preempt, preemptDelayMs, higherPrioritySendAdvert));

    public static VrrpPacket Advert(byte priority, VrrpVersion version = VrrpVersion.V2, ushort interval = 1) =>
        new(version, 14, priority, interval, [IPAddress.Parse("10.0.0.100")]);

    public static StateChange? Change(IReadOnlyList<VrrpAction> actions) => actions.OfType<StateChange>().SingleOrDefault();
}
