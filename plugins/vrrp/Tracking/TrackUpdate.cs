using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Plugins.Vrrp.Tracking;

/// <summary>A tracked object's new result, broadcast to every instance that tracks it.</summary>
/// <param name="Kind">Script, interface, file or process.</param>
/// <param name="Name">Its name.</param>
/// <param name="Up">Script succeeded, interface running, process within quorum.</param>
/// <param name="Value">For files: the integer read.</param>
internal sealed record TrackUpdate(TrackKind Kind, string Name, bool Up, long Value = 0)
{
    /// <summary>For logs and transition reasons: <c>track_script chk_nginx up</c>.</summary>
    public override string ToString() => Kind switch
    {
        TrackKind.File => $"track_file {Name} value {Value}",
        TrackKind.Interface => $"track_interface {Name} {(Up ? "up" : "down")}",
        TrackKind.Process => $"track_process {Name} {(Up ? "running" : "not running")}",
        TrackKind.VirtualServer => $"track_virtual_server {Name} {(Up ? "has quorum" : "lost quorum")}",
        _ => $"track_script {Name} {(Up ? "succeeded" : "failed")}",
    };
}
