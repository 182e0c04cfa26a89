namespace Vigil.Linux.Netlink.Route;

/// <summary>Link state notifications for track_interface; faked in engine tests.</summary>
public interface ILinkMonitor : IDisposable
{
    /// <summary>
    /// Waits up to <paramref name="timeout"/> for link notifications; empty on timeout. Meant for a dedicated thread.
    /// </summary>
    IReadOnlyList<LinkInfo> Read(TimeSpan timeout);

    /// <summary>The netlink descriptor to wait on (ppoll) before a <see cref="Read"/> with a zero timeout; -1 for fakes.</summary>
    nint Handle => -1;
}
