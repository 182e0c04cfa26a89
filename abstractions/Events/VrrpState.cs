namespace Vigil.Abstractions.Events;

/// <summary>The states of a VRRP instance or sync group, as keepalived names them.</summary>
public enum VrrpState
{
    /// <summary>Not yet running.</summary>
    Init,

    /// <summary>Listening for the master's advertisements.</summary>
    Backup,

    /// <summary>Holding the virtual addresses and advertising.</summary>
    Master,

    /// <summary>A tracked interface, script or file failed; holds nothing.</summary>
    Fault,

    /// <summary>Stopped (shut down or removed by a reload).</summary>
    Stop,
}
