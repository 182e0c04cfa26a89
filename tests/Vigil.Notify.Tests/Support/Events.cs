using Vigil.Abstractions.Events;

namespace Vigil.Notify.Tests.Support;

internal static class Events
{
    public static VrrpStateChanged Vrrp(string instance, VrrpState from, VrrpState to, int priority = 100) =>
        new(instance, "eth0", 51, from, to, "test", priority, priority) { Source = "vrrp" };

    public static RealServerStateChanged RealServer(string vs, string rs, bool up, string reason = "connection refused") =>
        new(vs, rs, up, "TCP_CHECK", reason) { Source = "ipvs" };
}
