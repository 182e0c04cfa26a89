namespace Vigil.Plugins.Ipvs.DataPlanes;

/// <summary>Knows whether one kind of data plane can run on this machine, and creates it.</summary>
public interface IDataPlaneProvider
{
    /// <summary>The plane's name as <c>data_plane</c> spells it.</summary>
    string Name { get; }

    /// <summary>Null when the plane can run here; otherwise why not, in words (<c>the kernel has no IPVS generic netlink family</c>).</summary>
    string? Unavailable();

    /// <summary>Creates the plane; the caller disposes it.</summary>
    IDataPlane Create();
}
