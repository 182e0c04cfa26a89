using System.Text.Json.Nodes;
using Vigil.Abstractions.Status;
using Vigil.Plugins.Ipvs.Engine;
using Vigil.Plugins.Ipvs.Operations;

namespace Vigil.Plugins.Ipvs.Status;

/// <summary><c>vigil status</c> for virtual servers: the data plane, each service's quorum and each real server's row.</summary>
internal sealed class VirtualServerStatusSource(VirtualServerController controller, CounterCache counters) : IStatusSource
{
    /// <inheritdoc />
    public string Module => "ipvs";

    /// <inheritdoc />
    public JsonObject GetStatus()
    {
        var rows = new JsonArray();
        var services = new JsonArray();
        foreach (var e in controller.Evaluations)
        {
            services.Add(new JsonObject
            {
                ["vs"] = e.Service.Key.ToString(),
                ["programmed"] = e.Plan is not null,
                ["quorum"] = e.QuorumUp ? "up" : "down",
                ["live_weight"] = e.LiveWeight,
                ["sorry_active"] = e.SorryActive,
            });
            foreach (var s in e.Servers)
            {
                rows.Add(RealServerJson.Row(e, s, counters));
            }
        }

        return new JsonObject { ["data_plane"] = controller.Plane?.Name, ["services"] = services, ["rows"] = rows };
    }
}
