using Microsoft.Extensions.Logging;

namespace Vigil.Plugins.Notify.Delivery;

/// <summary>What every lane shares: time, logging, counters, and the sender's names as currently configured.</summary>
internal sealed record LaneServices(
    TimeProvider Time,
    ILogger Logger,
    NotifyMetrics Metrics,
    DeliveryLedger Ledger,
    Func<string> Host,
    Func<string> RouterId);
