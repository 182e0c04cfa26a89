namespace Vigil.Plugins.Ipvs.Configuration;

/// <summary>How packets reach a real server: keepalived's <c>lb_kind</c>.</summary>
public enum ForwardingMethod
{
    /// <summary><c>NAT</c>: the director rewrites the destination and sees the replies.</summary>
    Nat,

    /// <summary><c>DR</c>: the director rewrites the MAC; the real server holds the VIP and answers the client itself.</summary>
    DirectRouting,

    /// <summary><c>TUN</c>: the director encapsulates (IP-in-IP); the real server decapsulates and answers the client itself.</summary>
    Tunnel,
}
