namespace Vigil.Linux.Netlink.Route;

/// <summary>How to put a frame on the wire for a directly connected host.</summary>
/// <param name="Interface">The interface's name.</param>
/// <param name="InterfaceIndex">The interface's index.</param>
/// <param name="InterfaceMac">The interface's own MAC (the frame's source).</param>
/// <param name="HostMac">The host's MAC (the frame's destination).</param>
public sealed record NextHop(string Interface, int InterfaceIndex, byte[] InterfaceMac, byte[] HostMac);
