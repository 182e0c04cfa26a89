namespace Vigil.Demo;

/// <summary>
/// Names and addresses of the IPVS cluster story, under the lab's <see cref="Prefix"/>: a front network
/// (10.51.0.0/24: the client, the directors, the VIP) and a back network (10.52.0.0/24: the directors, the real
/// servers, the gateway VIP they route through), each a bridge in the namespace <see cref="BridgeNamespace"/>.
/// </summary>
internal sealed record ClusterLayout(string Prefix)
{
    /// <summary>The service's virtual IP, on the front network.</summary>
    public const string Vip = "10.51.0.100";

    /// <summary>The real servers' default gateway, on the back network: it moves with <see cref="Vip"/>.</summary>
    public const string GatewayVip = "10.52.0.254";

    /// <summary>Prefix length of both networks.</summary>
    public const int PrefixLength = 24;

    /// <summary>The directors' front interface, where VRRP adverts go.</summary>
    public const string FrontInterface = "eth0";

    /// <summary>The directors' back interface, towards the real servers.</summary>
    public const string BackInterface = "eth1";

    /// <summary>The service port.</summary>
    public const int Port = 80;

    /// <summary><see cref="Port"/> as a command-line argument.</summary>
    public static string PortText => Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The bridge of the front network.</summary>
    public const string FrontBridge = "front";

    /// <summary>The bridge of the back network.</summary>
    public const string BackBridge = "back";

    /// <summary>The client's address.</summary>
    public const string ClientAddress = "10.51.0.10";

    /// <summary>The URL the client requests.</summary>
    public static string Url => $"http://{Vip}/";

    /// <summary>The namespace holding both bridges.</summary>
    public string BridgeNamespace => Prefix + "lb";

    /// <summary>director-1 starts as MASTER with priority 150, director-2 as BACKUP with 100.</summary>
    public ClusterDirector[] Directors =>
    [
        new("director-1", Prefix + "d1", "10.51.0.1", "10.52.0.1", "f1", "b1", "MASTER", 150, "02:00:0a:33:00:01"),
        new("director-2", Prefix + "d2", "10.51.0.2", "10.52.0.2", "f2", "b2", "BACKUP", 100, "02:00:0a:33:00:02"),
    ];

    /// <summary>The three real servers, each answering its own name.</summary>
    public ClusterRealServer[] RealServers =>
    [
        new("rs1", Prefix + "r1", "10.52.0.11", "r1"),
        new("rs2", Prefix + "r2", "10.52.0.12", "r2"),
        new("rs3", Prefix + "r3", "10.52.0.13", "r3"),
    ];

    /// <summary>The client's namespace.</summary>
    public string ClientNamespace => Prefix + "k";
}
