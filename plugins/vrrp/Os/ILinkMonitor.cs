namespace Vigil.Plugins.Vrrp.Os;

/// <summary>Link state notifications for track_interface; faked in engine tests.</summary>
internal interface ILinkMonitor : IDisposable
{
    /// <summary>
    /// Waits up to <paramref name="timeout"/> for link notifications; empty on timeout. Meant for a dedicated thread.
    /// </summary>
    IReadOnlyList<LinkInfo> Read(TimeSpan timeout);
}
