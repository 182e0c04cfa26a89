namespace Vigil.Plugins.Ipvs.Configuration;

/// <summary>Which data plane forwards the virtual servers' traffic (<c>global_defs { data_plane … }</c>, a Vigil keyword).</summary>
public enum DataPlaneChoice
{
    /// <summary>nftables where the kernel and libnftables have it, else kernel IPVS where <c>ip_vs</c> is loaded, else the user-space forwarder; the log says which and why.</summary>
    Auto,

    /// <summary>nftables through libnftables, in a table Vigil owns.</summary>
    Nftables,

    /// <summary>Kernel IPVS over generic netlink.</summary>
    Ipvs,

    /// <summary>Vigil's own user-space TCP/UDP forwarder.</summary>
    Userspace,
}
