using Vigil.Abstractions.Events;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Notify.Tests.Support;

internal static class Events
{
    public static VrrpStateChanged Vrrp(string instance, VrrpState from, VrrpState to, int priority = 100) =>
        new(instance, "eth0", 51, from, to, "test", priority, priority) { Source = "vrrp" };

    public static RealServerStateChanged RealServer(string vs, string rs, bool up, string reason = "connection refused") =>
        new(VirtualServerKey.Parse(vs), RealServerKey.Parse(rs), up, "TCP_CHECK", reason) { Source = "ipvs" };
}
