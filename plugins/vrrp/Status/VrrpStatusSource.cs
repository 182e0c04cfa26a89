using System.Text.Json.Nodes;
using Vigil.Abstractions.Status;
using Vigil.Plugins.Vrrp.Engine;

namespace Vigil.Plugins.Vrrp.Status;

/// <summary><c>vigil status</c> for VRRP: one row per running instance.</summary>
internal sealed class VrrpStatusSource(VrrpEngineHolder holder) : IStatusSource
{
    /// <inheritdoc />
    public string Module => "vrrp";

    /// <inheritdoc />
    public JsonObject GetStatus()
    {
        var rows = new JsonArray();
        foreach (var i in holder.Engine?.Instances ?? [])
        {
            rows.Add(Row(
                i.Name, i.Link.Name, i.Options.VirtualRouterId, i.State.ToString().ToUpperInvariant(), i.Options.Priority,
                i.EffectivePriority, i.MasterAddress?.ToString(), i.LastTransition, i.LastReason, i.Counters.Sent, i.Counters.Received,
                string.Join(' ', i.Counters.Rejected.OrderBy(r => r.Key).Select(r => $"{r.Key}={r.Value}"))));
        }

        foreach (var f in holder.Engine?.FailedInstances ?? [])
        {
            var o = f.Options;
            rows.Add(Row(o.Name, o.Interface, o.VirtualRouterId, "FAULT", o.Priority, 0, null, f.Since, f.Reason, 0, 0, ""));
        }

        return new JsonObject { ["rows"] = rows };
    }

    private static JsonObject Row(
        string instance, string iface, int vrid, string state, int priority, int effective, string? master,
        DateTimeOffset? lastTransition, string reason, long sent, long received, string rejected) => new()
    {
        ["instance"] = instance,
        ["interface"] = iface,
        ["vrid"] = vrid,
        ["state"] = state,
        ["priority"] = priority,
        ["effective_priority"] = effective,
        ["master"] = master,
        ["last_transition"] = lastTransition?.ToString("O"),
        ["reason"] = reason,
        ["adverts_sent"] = sent,
        ["adverts_received"] = received,
        ["rejected"] = rejected,
    };
}
