using System.Security.Cryptography;

namespace Vigil.Demo;

/// <summary>
/// Names and addresses of one demo run: every namespace starts with <see cref="Prefix"/> (<c>vd</c> plus six random
/// hex digits), so runs never collide and leftovers are easy to find.
/// </summary>
internal sealed record DemoLayout(string Prefix)
{
    /// <summary>The virtual IP the nodes fail over.</summary>
    public const string Vip = "10.50.0.100";

    /// <summary>Prefix length of the lab subnet.</summary>
    public const int PrefixLength = 24;

    /// <summary>The seed's multicast group for adverts (<c>vrrp_mcast_group4</c>).</summary>
    public const string MulticastGroup = "224.0.100.19";

    /// <summary>Interface name inside every node namespace, as in the seed (where it is eno16777736).</summary>
    public const string Interface = "eth0";

    /// <summary>The process name chk_nginx looks for.</summary>
    public const string WebProcessName = "demo-nginx";

    /// <summary>A layout with a fresh random prefix.</summary>
    public static DemoLayout CreateUnique() => new("vd" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)));

    /// <summary>The namespace holding the bridge.</summary>
    public string BridgeNamespace => Prefix + "br";

    /// <summary>The two Vigil nodes: node-a starts as MASTER with priority 100, node-b as BACKUP with 98.</summary>
    public DemoNode[] Nodes =>
    [
        new("node-a", Prefix + "a", "10.50.0.1", "va", "MASTER", 100),
        new("node-b", Prefix + "b", "10.50.0.2", "vb", "BACKUP", 98),
    ];

    /// <summary>The client's namespace.</summary>
    public string ClientNamespace => Prefix + "c";

    /// <summary>The client's address.</summary>
    public const string ClientAddress = "10.50.0.10";

    /// <summary>The URL the client requests.</summary>
    public static string Url => $"http://{Vip}/";
}
