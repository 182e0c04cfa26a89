using System.Text.Json.Nodes;
using Vigil.Abstractions.Status;

namespace Vigil.Plugins.Notify.Delivery;

/// <summary>Shows delivery totals and the last failures under <c>notify</c> in <c>vigil status</c>.</summary>
internal sealed class NotifyStatusSource(DeliveryLedger ledger) : IStatusSource
{
    public string Module => "notify";

    public JsonObject GetStatus()
    {
        var rows = new JsonArray();
        foreach (var f in ledger.RecentFailures())
        {
            rows.Add(new JsonObject
            {
                ["time"] = f.Time.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
                ["handler"] = f.Handler,
                ["channel"] = f.Channel,
                ["event"] = f.Event,
                ["attempts"] = f.Attempts,
                ["error"] = f.Error,
            });
        }

        return new JsonObject
        {
            ["delivered"] = ledger.Delivered,
            ["failed"] = ledger.Failed,
            ["suppressed"] = ledger.Suppressed,
            ["rows"] = rows,
        };
    }
}
