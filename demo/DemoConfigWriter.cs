using System.Globalization;

namespace Vigil.Demo;

/// <summary>
/// The keepalived.conf of one demo node, derived from the seed's "high-availability nginx" example: the same
/// vrrp_script chk_nginx (looking for the demo's web server instead of nginx), weight -5, virtual_router_id 14,
/// advert_int 1, PASS authentication and multicast group; the interface and VIP are the lab's. The chk_down
/// script, the notify scripts and the e-mail settings are left out: the lab has no /etc/keepalived and no mail.
/// </summary>
internal static class DemoConfigWriter
{
    /// <summary>Seconds between adverts, as in the seed.</summary>
    public const int AdvertInterval = 1;

    /// <summary>What chk_nginx subtracts from the priority while the web server is down.</summary>
    public const int ScriptWeight = -5;

    /// <summary>chk_nginx's line in the seed's style; Vigil runs it through /bin/sh because of its shell syntax.</summary>
    public static readonly string SeedCheckScript = $"killall -0 {DemoLayout.WebProcessName} && exit 0 || exit 1";

    /// <summary>
    /// The configuration text for <paramref name="node"/>. <paramref name="checkScript"/> replaces chk_nginx's line:
    /// keepalived executes script lines without a shell, so it is given the bare <c>killall -0 demo-nginx</c>.
    /// </summary>
    public static string Render(DemoNode node, string? checkScript = null) => string.Create(CultureInfo.InvariantCulture, $$"""
        ! Configuration File for keepalived (vigil demo, {{node.Name}})
        ! derived from the seed's high-availability nginx example

        global_defs {
            router_id {{node.Name}}
            vrrp_mcast_group4 {{DemoLayout.MulticastGroup}}
        }

        vrrp_script chk_nginx {
            script "{{checkScript ?? SeedCheckScript}}"
            interval 1
            weight {{ScriptWeight}}
        }

        vrrp_instance VI_1 {
            state {{node.State}}
            interface {{DemoLayout.Interface}}
            virtual_router_id 14
            priority {{node.Priority}}
            advert_int {{AdvertInterval}}
            authentication {
                auth_type PASS
                auth_pass 571f97b2
            }
            virtual_ipaddress {
                {{DemoLayout.Vip}}/{{DemoLayout.PrefixLength}} dev {{DemoLayout.Interface}}
            }
            track_script {
                chk_nginx
            }
        }

        """);
}
