using System.Diagnostics.Metrics;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>
/// The "Vigil.Vrrp" meter: packets sent, received and rejected, transitions, and per-instance state and priority gauges
/// read from the engine's live instances.
/// </summary>
internal sealed class VrrpMetrics : IDisposable
{
    /// <summary>The meter name the host exports.</summary>
    public const string MeterName = "Vigil.Vrrp";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _sent;
    private readonly Counter<long> _received;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _transitions;
    private Func<IEnumerable<InstanceContext>> _instances = () => [];

    public VrrpMetrics()
    {
        _sent = _meter.CreateCounter<long>("vigil_vrrp_adverts_sent", "{packet}", "VRRP advertisements sent.");
        _received = _meter.CreateCounter<long>("vigil_vrrp_adverts_received", "{packet}", "VRRP advertisements accepted.");
        _rejected = _meter.CreateCounter<long>("vigil_vrrp_packets_rejected", "{packet}", "Received packets discarded, by reason.");
        _transitions = _meter.CreateCounter<long>("vigil_vrrp_transitions", "{transition}", "VRRP state transitions, by new state.");
        _meter.CreateObservableGauge(
            "vigil_vrrp_state",
            () => _instances().Select(i => new Measurement<int>((int)i.State, Tag("instance", i.Name))),
            "1",
            "Current state: 0 init, 1 backup, 2 master, 3 fault, 4 stop.");
        _meter.CreateObservableGauge(
            "vigil_vrrp_effective_priority",
            () => _instances().Select(i => new Measurement<int>(i.EffectivePriority, Tag("instance", i.Name))),
            "1",
            "Priority after tracking.");
    }

    /// <summary>Where the gauges read instances from.</summary>
    public void Observe(Func<IEnumerable<InstanceContext>> instances) => _instances = instances;

    /// <summary>One advertisement sent.</summary>
    public void Sent(string instance) => _sent.Add(1, Tag("instance", instance));

    /// <summary>One advertisement accepted.</summary>
    public void Received(string instance) => _received.Add(1, Tag("instance", instance));

    /// <summary>One packet rejected for <paramref name="reason"/>.</summary>
    public void Rejected(string instance, string reason) => _rejected.Add(1, Tag("instance", instance), Tag("reason", reason));

    /// <summary>One transition.</summary>
    public void Transition(string instance, string state) => _transitions.Add(1, Tag("instance", instance), Tag("state", state));

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Tag(string key, string value) => new(key, value);
}
