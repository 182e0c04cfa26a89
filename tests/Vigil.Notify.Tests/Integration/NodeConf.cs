namespace Vigil.Notify.Tests.Integration;

/// <summary>keepalived.conf for one node of the failover tests: the seed's notify lines, smtp_alert and a webhook rule.</summary>
internal static class NodeConf
{
    /// <summary>
    /// VRRP instance VI_1 (state BACKUP, VRID 51, VRRPv3, advert_int 0.1) with <paramref name="priority"/>; the seed's
    /// notify_master/backup/fault lines calling <paramref name="script"/>; with <paramref name="smtpPort"/>, smtp_alert
    /// to root@localhost through 127.0.0.1:smtpPort; every VI_1 transition posted to 127.0.0.1:<paramref name="hookPort"/>.
    /// </summary>
    public static string Text(string role, int priority, string script, int? smtpPort, int hookPort)
    {
        var mail = smtpPort is { } port
            ? $$"""

                notification_email {
                    root@localhost
                }
                notification_email_from keepalived@node-{{role}}
                smtp_server 127.0.0.1 {{port}}
                smtp_connect_timeout 5
            """
            : "";
        var alert = smtpPort is null ? "" : "smtp_alert";
        return $$"""
            global_defs {
                router_id node-{{role}}{{mail}}
            }

            notify_webhook hook {
                url http://127.0.0.1:{{hookPort}}/hook
                timeout 2
            }

            notify_rule vi1 {
                events vrrp_instance
                instance VI_1
                channel webhook:hook
            }

            vrrp_instance VI_1 {
                state BACKUP
                interface eth0
                virtual_router_id 51
                priority {{priority}}
                advert_int 0.1
                version 3
                {{alert}}
                virtual_ipaddress {
                    {{NotifyLab.Vip}}/24
                }
                notify_master "{{script}} master"
                notify_backup "{{script}} backup"
                notify_fault "{{script}} fault"
            }

            """;
    }
}
