using Vigil.Linux.Netlink.Route;
using Vigil.Plugins.Vrrp.Os;

namespace Vigil.Plugins.Vrrp.Engine;

/// <summary>The real adapters, opened in the daemon's own network namespace.</summary>
internal sealed class LinuxVrrpPlatform : IVrrpPlatform
{
    /// <inheritdoc />
    public IVrrpSocket OpenSocket(VrrpSocketOptions options) => VrrpSocket.Open(options);

    /// <inheritdoc />
    public INetlinkClient OpenNetlink() => NetlinkClient.Open();

    /// <inheritdoc />
    public IGratuitousSender OpenGratuitous() => GratuitousSender.Open();

    /// <inheritdoc />
    public ILinkMonitor OpenLinkMonitor() => LinkMonitor.Open();

    /// <inheritdoc />
    public void SetSysctl(string path, string value)
    {
        try
        {
            File.WriteAllText(Path.Combine("/proc/sys", path), value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort, like keepalived: a read-only /proc/sys only means the kernel may answer ARP for the VIP twice.
        }
    }
}
