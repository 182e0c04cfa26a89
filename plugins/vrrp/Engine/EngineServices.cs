using Microsoft.Extensions.Logging;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.State;
using Vigil.Linux.Netlink.Route;
using Vigil.Plugins.Vrrp.Os;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>What every <see cref="GroupRunner"/> shares.</summary>
/// <param name="Time">The clock.</param>
/// <param name="Netlink">Address, route and link operations.</param>
/// <param name="Gratuitous">Gratuitous ARP / unsolicited NA.</param>
/// <param name="Bus">Where transitions are published.</param>
/// <param name="State">Where each instance's state and effective priority are kept for other modules.</param>
/// <param name="Metrics">The VRRP meter.</param>
/// <param name="Logger">The engine's logger.</param>
internal sealed record EngineServices(
    TimeProvider Time,
    INetlinkClient Netlink,
    IGratuitousSender Gratuitous,
    IEventBus Bus,
    IClusterState State,
    VrrpMetrics Metrics,
    ILogger Logger);
