using System.Globalization;
using System.Text;

namespace Vigil.Demo;

/// <summary>
/// The keepalived.conf of one director of the cluster story, derived from the seed's ipvs example (virtual_router_id
/// 14, advert_int 1, PASS authentication, multicast group, rr, sorry_server 127.0.0.1 80) as an LVS-NAT cluster: the
/// one vrrp_instance carries the VIP and the real servers' gateway VIP, <c>lb_kind NAT</c>, and each real server has a
/// TCP_CHECK every second (<c>delay_loop 1</c>; keepalived's retry 1 and delay_before_retry 1 s), so a stopped web
/// server leaves the rotation within about two seconds. The data plane is nftables: this kernel may have no IPVS.
/// </summary>
internal static class ClusterConfigWriter
{
    /// <summary>Seconds between adverts, as in the seed.</summary>
    public const int AdvertInterval = 1;

    /// <summary>Seconds between two checks of a real server.</summary>
    public const int DelayLoop = 1;

    /// <summary>The configuration text for <paramref name="director"/> in front of <paramref name="realServers"/>.</summary>
    public static string Render(ClusterDirector director, IReadOnlyList<ClusterRealServer> realServers)
    {
        var servers = new StringBuilder();
        foreach (var server in realServers)
        {
            servers.Append(CultureInfo.InvariantCulture, $$"""
                    real_server {{server.Address}} {{ClusterLayout.Port}} {
                        weight 1
                        TCP_CHECK {
                            connect_timeout 1
                        }
                    }

                """).Append('\n');
        }

        return string.Create(CultureInfo.InvariantCulture, $$"""
            ! Configuration File for keepalived (vigil demo, {{director.Name}})
            ! derived from the seed's ipvs example, as an LVS-NAT cluster of two directors

            global_defs {
                router_id {{director.Name}}
                vrrp_mcast_group4 {{DemoLayout.MulticastGroup}}
                data_plane nftables
            }

            vrrp_instance VI_1 {
                state {{director.State}}
                interface {{ClusterLayout.FrontInterface}}
                virtual_router_id 14
                priority {{director.Priority}}
                advert_int {{AdvertInterval}}
                authentication {
                    auth_type PASS
                    auth_pass 571f97b2
                }
                virtual_ipaddress {
                    {{ClusterLayout.Vip}}/{{ClusterLayout.PrefixLength}} dev {{ClusterLayout.FrontInterface}}
                    {{ClusterLayout.GatewayVip}}/{{ClusterLayout.PrefixLength}} dev {{ClusterLayout.BackInterface}}
                }
            }

            virtual_server {{ClusterLayout.Vip}} {{ClusterLayout.Port}} {
                delay_loop {{DelayLoop}}
                lb_algo rr
                lb_kind NAT
                protocol TCP

                sorry_server 127.0.0.1 {{ClusterLayout.Port}}

            {{servers.ToString().TrimEnd('\n')}}
            }

            """);
    }
}
