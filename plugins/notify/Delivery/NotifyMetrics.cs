using System.Diagnostics.Metrics;

namespace Vigil.Plugins.Notify.Delivery;

/// <summary>The notify module's meter, <c>Vigil.Notify</c>.</summary>
internal sealed class NotifyMetrics : IDisposable
{
    public const string MeterName = "Vigil.Notify";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _suppressed;

    public NotifyMetrics()
    {
        _deliveries = _meter.CreateCounter<long>("vigil_notify_deliveries", "{notification}", "Notifications delivered or given up, by channel and result (ok, failed).");
        _retries = _meter.CreateCounter<long>("vigil_notify_retries", "{attempt}", "Delivery attempts after a failure, by channel.");
        _suppressed = _meter.CreateCounter<long>("vigil_notify_suppressed", "{event}", "Events not sent on their own, by handler and reason (coalesced, rate_limit, queue_full).");
    }

    public void Delivered(string channel, bool ok) =>
        _deliveries.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("result", ok ? "ok" : "failed"));

    public void Retried(string channel) => _retries.Add(1, new KeyValuePair<string, object?>("channel", channel));

    public void Suppressed(string handler, string reason) =>
        _suppressed.Add(1, new KeyValuePair<string, object?>("handler", handler), new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => _meter.Dispose();
}
