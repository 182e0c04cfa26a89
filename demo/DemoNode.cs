namespace Vigil.Demo;

/// <summary>One Vigil node of the demo: its namespace, address, bridge port and VRRP role.</summary>
internal sealed record DemoNode(string Name, string Namespace, string Address, string BridgePort, string State, int Priority);
