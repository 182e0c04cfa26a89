using System.Diagnostics.CodeAnalysis;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Vigil.Linux;
using Vigil.Linux.Netlink;
using Vigil.Linux.Netlink.Generic;
using Vigil.Linux.Sockets;

namespace Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

/// <summary>
/// The kernel IPVS data plane (<c>data_plane ipvs</c>): available where the kernel has the IPVS generic netlink family,
/// that is where <c>ip_vs</c> is loaded (Vigil does not load it), and Vigil may use it (CAP_NET_ADMIN).
/// </summary>
/// <param name="loggerFactory">Makes the plane's logger.</param>
public sealed partial class IpvsDataPlaneProvider(ILoggerFactory loggerFactory) : IDataPlaneProvider
{
    /// <summary>Why the plane cannot run when the family is missing.</summary>
    internal const string NoFamily = "the kernel has no IPVS generic netlink family (ip_vs not loaded)";

    private const int EPERM = 1;

    private readonly ILogger<IpvsDataPlaneProvider> _logger = loggerFactory.CreateLogger<IpvsDataPlaneProvider>();

    /// <inheritdoc />
    public string Name => "ipvs";

    /// <inheritdoc />
    public string? Unavailable()
    {
        try
        {
            using var socket = NetlinkSocket.Open(LinuxConstants.NETLINK_GENERIC);
            return TryConnect(socket, out _, out var why) ? null : why;
        }
        catch (Exception e) when (e is OsException or SocketException)
        {
            return e.Message;
        }
    }

    /// <inheritdoc />
    public IDataPlane Create()
    {
        var socket = NetlinkSocket.Open(LinuxConstants.NETLINK_GENERIC);
        try
        {
            if (!TryConnect(socket, out var family, out var why))
            {
                throw new DataPlaneException($"data_plane ipvs cannot run: {why}");
            }

            return new IpvsDataPlane(new IpvsNetlinkTransport(socket, family.Id), loggerFactory.CreateLogger<IpvsDataPlane>());
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Resolves the family and asks it for its version, which also proves the permission every IPVS command needs.</summary>
    private bool TryConnect(NetlinkSocket socket, [NotNullWhen(true)] out GenericNetlinkFamily? family, [NotNullWhen(false)] out string? why)
    {
        if (!GenericFamilyResolver.TryResolve(socket, IpvsConstants.FamilyName, out family))
        {
            why = NoFamily;
            return false;
        }

        try
        {
            var sequence = socket.NextSequence();
            var info = socket.Query(IpvsMessages.GetInfo(family.Id, sequence), sequence, "read the IPVS version", absent: 0)
                .Select(IpvsMessages.ParseInfo)
                .OfType<IpvsInfo>()
                .FirstOrDefault();
            LogFound(info?.VersionText ?? "of unknown version", info?.ConnectionTableSize ?? 0);
            why = null;
            return true;
        }
        catch (OsException e) when (e.ErrorCode == EPERM)
        {
            family = null;
            why = $"IPVS needs CAP_NET_ADMIN: {e.Message}";
            return false;
        }
    }

    [LoggerMessage(EventId = 9104, Level = LogLevel.Debug, Message = "kernel IPVS {Version}, connection table of {Size} entries")]
    private partial void LogFound(string version, uint size);
}
