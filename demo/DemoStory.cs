namespace Vigil.Demo;

/// <summary>Which stories <c>./vigil demo</c> tells (<c>--story</c>).</summary>
internal enum DemoStory
{
    /// <summary>Both, the nginx story first.</summary>
    All,

    /// <summary>The seed's high-availability nginx example: VRRP and a track script (<see cref="DemoScenario"/>).</summary>
    Nginx,

    /// <summary>The seed's high-availability IPVS cluster: VRRP and virtual servers (<see cref="ClusterScenario"/>).</summary>
    Cluster,
}
