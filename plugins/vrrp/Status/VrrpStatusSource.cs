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
            rows.Add(new JsonObject
            {
                ["instance"] = i.Name,
                ["interface"] = i.Link.Name,
                ["vrid"] = i.Options.VirtualRouterId,
                ["state"] = i.State.ToString().ToUpperInvariant(),
                ["priority"] = i.Options.Priority,
                ["effective_priority"] = i.EffectivePriority,
                ["master"] = i.MasterAddress?.ToString(),
                ["last_transition"] = i.LastTransition?.ToString("O"),
                ["reason"] = i.LastReason,
                ["adverts_sent"] = i.Counters.Sent,
                ["adverts_received"] = i.Counters.Received,
                ["rejected"] = string.Join(' ', i.Counters.Rejected.OrderBy(r => r.Key).Select(r => $"{r.Key}={r.Value}")),
            });
        }

        foreach (var f in holder.Engine?.FailedInstances ?? [])
        {
            rows.Add(new JsonObject
            {
                ["instance"] = f.Options.Name,
                ["interface"] = f.Options.Interface,
                ["vrid"] = f.Options.VirtualRouterId,
                ["state"] = "FAULT",
                ["priority"] = f.Options.Priority,
                ["effective_priority"] = 0,
                ["master"] = null,
                ["last_transition"] = f.Since.ToString("O"),
                ["reason"] = f.Reason,
                ["adverts_sent"] = 0,
                ["adverts_received"] = 0,
                ["rejected"] = "",
            });
        }

        return new JsonObject { ["rows"] = rows };
    }
}
