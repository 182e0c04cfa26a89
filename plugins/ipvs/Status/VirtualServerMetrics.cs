using System.Diagnostics.Metrics;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.DataPlanes;
using Vigil.Plugins.Ipvs.Engine;

namespace Vigil.Plugins.Ipvs.Status;

/// <summary>
/// The "Vigil.Ipvs" meter: Vigil's own per-virtual-server and per-real-server gauges, and the names the keepalived
/// Prometheus exporters publish (<c>keepalived_lvs_vip_*</c>, <c>keepalived_lvs_rs_*</c>, labels <c>addr</c> and
/// <c>proto</c>), so dashboards built on them keep working.
/// </summary>
/// <remarks>
/// The exporters' names carry no <c>_total</c>; an OpenTelemetry counter would gain one, so those are published as gauges
/// holding the running totals, under exactly the exporters' names. <c>rate()</c> reads them the same.
/// </remarks>
internal sealed class VirtualServerMetrics : IDisposable
{
    /// <summary>The meter name the host exports.</summary>
    public const string MeterName = "Vigil.Ipvs";

    private readonly Meter _meter = new(MeterName);
    private readonly VirtualServerController _controller;
    private readonly CounterCache _counters;

    /// <summary>Creates the gauges over the controller's evaluations and the counter cache.</summary>
    public VirtualServerMetrics(VirtualServerController controller, CounterCache counters)
    {
        _controller = controller;
        _counters = counters;
        Gauge("vigil_lvs_rs_up", "1", "1 while the real server's checkers pass.", (_, s) => s.Healthy ? 1 : 0);
        Gauge("vigil_lvs_rs_weight", "1", "The configured weight.", (_, s) => s.ConfiguredWeight);
        Gauge("vigil_lvs_rs_effective_weight", "1", "The weight programmed now; 0 takes no new connection.", (_, s) => s.EffectiveWeight);
        Gauge("vigil_lvs_rs_drained", "1", "1 while an operator drains the real server.", (_, s) => s.Drained ? 1 : 0);
        RealServerCounter("vigil_lvs_rs_active_connections", "Established connections.", c => c.ActiveConnections);
        RealServerCounter("vigil_lvs_rs_inactive_connections", "Connections not established (half-open, closing).", c => c.InactiveConnections);
        _meter.CreateObservableGauge("vigil_lvs_vs_quorum", () => _controller.Evaluations.Select(e => new Measurement<int>(e.QuorumUp ? 1 : 0, Tag("vs", e.Service.Key.ToString()))), "1", "1 while the virtual server has quorum.");
        _meter.CreateObservableGauge("vigil_lvs_vs_live_weight", () => _controller.Evaluations.Select(e => new Measurement<int>(e.LiveWeight, Tag("vs", e.Service.Key.ToString()))), "1", "The summed weight of live real servers.");
        _meter.CreateObservableGauge("vigil_lvs_vs_sorry_active", () => _controller.Evaluations.Select(e => new Measurement<int>(e.SorryActive ? 1 : 0, Tag("vs", e.Service.Key.ToString()))), "1", "1 while the sorry server takes new connections.");
        Exporter("keepalived_lvs_vip_in_packets", "VIP in packets", c => c.PacketsIn);
        Exporter("keepalived_lvs_vip_out_packets", "VIP out packets", c => c.PacketsOut);
        Exporter("keepalived_lvs_vip_in_bytes", "VIP in bytes", c => c.BytesIn);
        Exporter("keepalived_lvs_vip_out_bytes", "VIP out bytes", c => c.BytesOut);
        Exporter("keepalived_lvs_vip_conn", "VIP connections", c => c.Connections);
        ExporterRs("keepalived_lvs_rs_in_packets", "RS in packets", c => c.PacketsIn);
        ExporterRs("keepalived_lvs_rs_out_packets", "RS out packets", c => c.PacketsOut);
        ExporterRs("keepalived_lvs_rs_in_bytes", "RS in bytes", c => c.BytesIn);
        ExporterRs("keepalived_lvs_rs_out_bytes", "RS out bytes", c => c.BytesOut);
        ExporterRs("keepalived_lvs_rs_conn", "RS connections", c => c.Connections);
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private void Gauge(string name, string unit, string description, Func<ServiceEvaluation, RealServerStatus, int> value) =>
        _meter.CreateObservableGauge(
            name,
            () => _controller.Evaluations.SelectMany(e => e.Servers.Select(s => new Measurement<int>(value(e, s), Tag("vs", e.Service.Key.ToString()), Tag("rs", s.Server.ToString())))),
            unit,
            description);

    private void RealServerCounter(string name, string description, Func<BackendCounters, long> value) =>
        _meter.CreateObservableGauge(
            name,
            () => _counters.All.Select(c => new Measurement<long>(value(c), Tag("vs", c.Service.ToString()), Tag("rs", c.Server.ToString()))),
            "1",
            description);

    private void Exporter(string name, string description, Func<BackendCounters, long> value) =>
        _meter.CreateObservableGauge(
            name,
            () => _counters.All.GroupBy(c => c.Service).Select(g => new Measurement<long>(g.Sum(value), Tag("addr", Address(g.Key)), Tag("proto", Protocol(g.Key)))),
            null,
            description);

    private void ExporterRs(string name, string description, Func<BackendCounters, long> value) =>
        _meter.CreateObservableGauge(
            name,
            () => _counters.All.Select(c => new Measurement<long>(value(c), Tag("addr", $"{c.Server.Address}:{c.Server.Port}"), Tag("proto", Protocol(c.Service)))),
            null,
            description);

    private static string Address(VirtualServerKey key) => key.Kind switch
    {
        VirtualServerKind.Endpoint => $"{key.Address}:{key.Port}",
        VirtualServerKind.Fwmark => $"fwmark:{key.Fwmark}",
        _ => $"group:{key.Group}",
    };

    private static string Protocol(VirtualServerKey key) => TransportProtocols.Name(key.Protocol).ToUpperInvariant();

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
