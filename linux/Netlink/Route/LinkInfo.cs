namespace Vigil.Linux.Netlink.Route;

/// <summary>A link as RTM_NEWLINK reports it (from a query or a notification).</summary>
/// <param name="Index">Interface index.</param>
/// <param name="Name">Interface name.</param>
/// <param name="Flags">IFF_* flags.</param>
/// <param name="OperState">RFC 2863 operational state: 2 down, 3 lower-layer down, 6 up, 0 unknown.</param>
/// <param name="Mac">Hardware address, empty when the link has none.</param>
/// <param name="Deleted">True when the notification was RTM_DELLINK.</param>
public sealed record LinkInfo(int Index, string Name, uint Flags, byte OperState, byte[] Mac, bool Deleted = false)
{
    /// <summary>Administratively up (IFF_UP).</summary>
    public bool IsUp => (Flags & RouteConstants.IFF_UP) != 0;

    /// <summary>Up and carrier present (IFF_RUNNING), what track_interface cares about.</summary>
    public bool IsRunning => (Flags & RouteConstants.IFF_RUNNING) != 0;

    /// <summary>The MAC in <c>aa:bb:cc:dd:ee:ff</c> form.</summary>
    public string MacText => string.Join(':', Mac.Select(b => b.ToString("x2")));
}
