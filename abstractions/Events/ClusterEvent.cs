namespace Vigil.Abstractions.Events;

/// <summary>Base of every event on the bus.</summary>
public abstract record ClusterEvent
{
    /// <summary>When the event happened; the bus stamps it on publish when the publisher left it unset.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The module that published it (<c>vrrp</c>, <c>ipvs</c>, …).</summary>
    public string Source { get; init; } = "";
}
