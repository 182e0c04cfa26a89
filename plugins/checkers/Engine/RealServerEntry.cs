using Vigil.Abstractions.State;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Plugins.Checkers.Engine;

/// <summary>One checked real server of one virtual server: its checks and the health last written for it. Guarded by the engine's lock.</summary>
internal sealed class RealServerEntry(VirtualServerKey virtualServer, RealServerKey realServer)
{
    /// <summary>The virtual server.</summary>
    public VirtualServerKey VirtualServer => virtualServer;

    /// <summary>The real server.</summary>
    public RealServerKey RealServer => realServer;

    /// <summary>The configured weight.</summary>
    public int Weight { get; set; }

    /// <summary>Its checks, in file order.</summary>
    public List<CheckRunner> Checks { get; } = [];

    /// <summary>What was last written to the shared state, or null before the first write.</summary>
    public RealServerHealth? Published { get; set; }

    /// <summary>The shared state's key for it.</summary>
    public StateKey<RealServerHealth> Key => StateKeys.RealServerHealth(virtualServer, realServer);
}
