using Vigil.Linux.Sockets;

namespace Vigil.Linux.Netlink.Route;

/// <summary>RTNLGRP_LINK subscriber: every RTM_NEWLINK / RTM_DELLINK the kernel multicasts.</summary>
public sealed class LinkMonitor : ILinkMonitor
{
    private readonly NetlinkSocket _socket;

    private LinkMonitor(NetlinkSocket socket) => _socket = socket;

    /// <summary>Subscribes in the calling thread's network namespace.</summary>
    public static LinkMonitor Open() => new(NetlinkSocket.Open(LinuxConstants.NETLINK_ROUTE, RouteConstants.RTMGRP_LINK));

    /// <inheritdoc />
    public nint Handle => _socket.Handle;

    /// <inheritdoc />
    public IReadOnlyList<LinkInfo> Read(TimeSpan timeout) =>
        _socket.Receive(timeout).Select(NetlinkDecoders.Link).OfType<LinkInfo>().ToList();

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
