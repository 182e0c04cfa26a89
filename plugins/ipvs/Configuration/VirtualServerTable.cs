namespace Vigil.Plugins.Ipvs.Configuration;

/// <summary>Everything the virtual-server module read from one cluster configuration.</summary>
/// <param name="VirtualServers">The virtual servers, in configuration order.</param>
/// <param name="DataPlane">The data plane asked for.</param>
public sealed record VirtualServerTable(IReadOnlyList<VirtualServerDefinition> VirtualServers, DataPlaneChoice DataPlane)
{
    /// <summary>No virtual servers.</summary>
    public static VirtualServerTable Empty { get; } = new([], DataPlaneChoice.Auto);
}
