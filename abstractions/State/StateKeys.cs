using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.State;

/// <summary>The keys of the entries modules share, built one way so writer and reader agree.</summary>
public static class StateKeys
{
    /// <summary>The health of <paramref name="realServer"/> within <paramref name="virtualServer"/>.</summary>
    public static StateKey<RealServerHealth> RealServerHealth(VirtualServerKey virtualServer, RealServerKey realServer) =>
        new(RealServerId(virtualServer, realServer));

    /// <summary>The administrative override of <paramref name="realServer"/> within <paramref name="virtualServer"/>.</summary>
    public static StateKey<RealServerOverride> RealServerOverride(VirtualServerKey virtualServer, RealServerKey realServer) =>
        new(RealServerId(virtualServer, realServer));

    /// <summary>The quorum of <paramref name="virtualServer"/>, written by the module that forwards it.</summary>
    public static StateKey<VirtualServerQuorum> VirtualServerQuorum(VirtualServerKey virtualServer)
    {
        ArgumentNullException.ThrowIfNull(virtualServer);
        return new(virtualServer.ToString());
    }

    /// <summary>The state of the VRRP instance <paramref name="instance"/>.</summary>
    public static StateKey<VrrpInstanceStatus> VrrpInstance(string instance) => new(instance);

    private static string RealServerId(VirtualServerKey virtualServer, RealServerKey realServer)
    {
        ArgumentNullException.ThrowIfNull(virtualServer);
        ArgumentNullException.ThrowIfNull(realServer);
        return $"{virtualServer} {realServer}";
    }
}
