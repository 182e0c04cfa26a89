using System.Net.Sockets;

namespace Vigil.Linux.Netlink.Route;

/// <summary>
/// The rtnetlink operations a plugin drives (VRRP: addresses, routes, rules, VMACs), behind an interface its engine
/// tests fake. Adds are idempotent (an existing address, route, rule or link is success) and so are deletes (a missing
/// one is success); other failures throw <see cref="OsException"/>.
/// </summary>
public interface INetlinkClient : IDisposable
{
    /// <summary>Adds a (virtual) address.</summary>
    void AddAddress(AddressSpec spec);

    /// <summary>Removes an address.</summary>
    void DeleteAddress(AddressSpec spec);

    /// <summary>Adds a route.</summary>
    void AddRoute(RouteSpec spec);

    /// <summary>Removes a route.</summary>
    void DeleteRoute(RouteSpec spec);

    /// <summary>Adds a policy routing rule.</summary>
    void AddRule(RuleSpec spec);

    /// <summary>Removes a policy routing rule.</summary>
    void DeleteRule(RuleSpec spec);

    /// <summary>Creates a private-mode macvlan with the given MAC on a parent link and returns its index.</summary>
    int CreateMacvlan(string name, int parentIndex, byte[] mac);

    /// <summary>Deletes a link by index.</summary>
    void DeleteLink(int index);

    /// <summary>Sets or clears IFF_UP.</summary>
    void SetLinkUp(int index, bool up);

    /// <summary>The link with this index, or null when there is none.</summary>
    LinkInfo? GetLink(int index);

    /// <summary>The link with this name, or null when there is none.</summary>
    LinkInfo? GetLink(string name);

    /// <summary>Addresses on a link, optionally of one family.</summary>
    IReadOnlyList<AddressInfo> ListAddresses(int index, AddressFamily family = AddressFamily.Unspecified);
}
