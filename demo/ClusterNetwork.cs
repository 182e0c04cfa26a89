namespace Vigil.Demo;

/// <summary>
/// Builds the cluster story's networks in the lab: the two bridges, the client on the front one, the real servers on
/// the back one routing through the gateway VIP, and the directors on both, forwarding between them as LVS-NAT needs.
/// </summary>
/// <remarks>
/// Each director's two interfaces share one MAC address: the VRRP module announces every VIP of an instance with the
/// MAC of the instance's interface, also the gateway VIP on the back interface, and real servers that believed it
/// would send their answers to a MAC the back network does not have.
/// </remarks>
internal static class ClusterNetwork
{
    /// <summary>Creates every namespace and link of <paramref name="layout"/>, and waits until every port forwards.</summary>
    public static void Create(DemoLab lab, ClusterLayout layout)
    {
        var bridges = layout.BridgeNamespace;
        lab.AddBridges(bridges, ClusterLayout.FrontBridge, ClusterLayout.BackBridge);
        foreach (var director in layout.Directors)
        {
            lab.AddHost(director.Namespace);
            lab.Connect(bridges, ClusterLayout.FrontBridge, director.FrontPort, director.Namespace, ClusterLayout.FrontInterface, director.FrontAddress, ClusterLayout.PrefixLength, director.Mac);
            lab.Connect(bridges, ClusterLayout.BackBridge, director.BackPort, director.Namespace, ClusterLayout.BackInterface, director.BackAddress, ClusterLayout.PrefixLength, director.Mac);
            ShortCommand.RunChecked("ip", "netns", "exec", director.Namespace, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
        }

        foreach (var server in layout.RealServers)
        {
            lab.AddHost(server.Namespace);
            lab.Connect(bridges, ClusterLayout.BackBridge, server.BridgePort, server.Namespace, "eth0", server.Address, ClusterLayout.PrefixLength);
            ShortCommand.RunChecked("ip", "-n", server.Namespace, "route", "add", "default", "via", ClusterLayout.GatewayVip);
        }

        lab.AddHost(layout.ClientNamespace);
        lab.Connect(bridges, ClusterLayout.FrontBridge, "fk", layout.ClientNamespace, "eth0", ClusterLayout.ClientAddress, ClusterLayout.PrefixLength);
        DemoLab.WaitForwarding(bridges, ClusterLayout.FrontBridge, layout.Directors.Length + 1);
        DemoLab.WaitForwarding(bridges, ClusterLayout.BackBridge, layout.Directors.Length + layout.RealServers.Length);
    }
}
