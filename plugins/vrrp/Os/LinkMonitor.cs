namespace Vigil.Plugins.Vrrp.Os;

/// <summary>RTNLGRP_LINK subscriber: every RTM_NEWLINK / RTM_DELLINK the kernel multicasts.</summary>
internal sealed class LinkMonitor : ILinkMonitor
{
    private readonly NetlinkSocket _socket;

    private LinkMonitor(NetlinkSocket socket) => _socket = socket;

    /// <summary>Subscribes in the calling thread's network namespace.</summary>
    public static LinkMonitor Open() => new(NetlinkSocket.Open(NetlinkConstants.RTMGRP_LINK));

    /// <inheritdoc />
    public nint Handle => _socket.Handle;

    /// <inheritdoc />
    public IReadOnlyList<LinkInfo> Read(TimeSpan timeout) =>
        _socket.Receive(timeout).Select(NetlinkDecoders.Link).OfType<LinkInfo>().ToList();

    /// <inheritdoc />
    public void Dispose() => _socket.Dispose();
}
