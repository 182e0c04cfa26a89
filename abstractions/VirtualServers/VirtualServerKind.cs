namespace Vigil.Abstractions.VirtualServers;

/// <summary>The three ways keepalived declares a virtual server.</summary>
public enum VirtualServerKind
{
    /// <summary><c>virtual_server 10.0.0.1 80</c>: an address, a port and a protocol.</summary>
    Endpoint,

    /// <summary><c>virtual_server fwmark 7</c>: packets carrying a firewall mark.</summary>
    Fwmark,

    /// <summary><c>virtual_server group NAME</c>: the members of a <c>virtual_server_group</c>.</summary>
    Group,
}
