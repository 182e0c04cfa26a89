namespace Vigil.Plugins.Vrrp.Protocol;

/// <summary>What a tracked object is.</summary>
internal enum TrackKind
{
    /// <summary><c>track_script</c> (a <c>vrrp_script</c>).</summary>
    Script,

    /// <summary><c>track_interface</c>.</summary>
    Interface,

    /// <summary><c>track_file</c>.</summary>
    File,

    /// <summary><c>track_process</c>.</summary>
    Process,

    /// <summary><c>track_virtual_server</c> (a Vigil extension): a virtual server's quorum from the shared state.</summary>
    VirtualServer,
}
