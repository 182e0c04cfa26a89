using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;

namespace Vigil.Plugins.Ipvs.Engine;

/// <summary>One virtual server worked out against one snapshot of the cluster state.</summary>
/// <param name="Service">Its definition.</param>
/// <param name="Plan">What to program, or null while <c>ha_suspend</c> holds it back.</param>
/// <param name="QuorumUp">Whether quorum holds.</param>
/// <param name="LiveWeight">The summed weight of live real servers.</param>
/// <param name="SorryActive">True while the sorry server takes the new connections.</param>
/// <param name="Servers">Each real server's standing, in configuration order.</param>
internal sealed record ServiceEvaluation(
    VirtualServerDefinition Service,
    ServicePlan? Plan,
    bool QuorumUp,
    int LiveWeight,
    bool SorryActive,
    IReadOnlyList<RealServerStatus> Servers);
