namespace Vigil.Demo;

/// <summary>
/// One director of the cluster story: its namespace, its address on each network, its bridge ports, its VRRP role,
/// and the one MAC address both its interfaces have (see <see cref="ClusterNetwork"/>).
/// </summary>
internal sealed record ClusterDirector(
    string Name, string Namespace, string FrontAddress, string BackAddress, string FrontPort, string BackPort, string State, int Priority, string Mac);
