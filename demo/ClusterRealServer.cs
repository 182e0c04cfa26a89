namespace Vigil.Demo;

/// <summary>One real server of the cluster story: its name (what it answers), namespace, address and bridge port.</summary>
internal sealed record ClusterRealServer(string Name, string Namespace, string Address, string BridgePort);
