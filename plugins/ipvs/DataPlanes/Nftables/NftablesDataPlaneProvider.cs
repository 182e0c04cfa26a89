using Vigil.Linux;
using Vigil.Linux.Netlink.Conntrack;
using Vigil.Linux.Netlink.Route;
using Vigil.Linux.Nftables;

namespace Vigil.Plugins.Ipvs.DataPlanes.Nftables;

/// <summary>Offers the nftables plane where libnftables is installed and the kernel answers nf_tables and ctnetlink.</summary>
internal sealed class NftablesDataPlaneProvider : IDataPlaneProvider
{
    private const string Probe = """{"nftables":[{"list":{"tables":null}}]}""";

    /// <inheritdoc />
    public string Name => "nftables";

    /// <inheritdoc />
    public string? Unavailable()
    {
        using var session = NftablesSession.TryOpen(out var error);
        if (session is null)
        {
            return error;
        }

        try
        {
            session.Run(Probe);
            using var conntrack = new ConntrackCounter();
            return null;
        }
        catch (Exception e) when (e is NftablesException or OsException)
        {
            return $"the kernel refused nftables or conntrack: {e.Message}";
        }
    }

    /// <inheritdoc />
    public IDataPlane Create()
    {
        var session = NftablesSession.TryOpen(out var error) ?? throw new DataPlaneException(error ?? "libnftables did not open");
        try
        {
            // Opens libnftables' netlink socket now, in the creating thread's namespace, which the plane then stays in.
            session.Run(Probe);
            return new NftablesDataPlane(session, new ConntrackCounter(), new NextHopLookup());
        }
        catch (Exception e) when (e is NftablesException or OsException)
        {
            session.Dispose();
            throw new DataPlaneException($"nftables cannot be used: {e.Message}");
        }
    }
}
