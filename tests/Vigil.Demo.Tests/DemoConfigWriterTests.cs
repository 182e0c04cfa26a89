namespace Vigil.Demo.Tests;

/// <summary>The demo's keepalived.conf: the seed's nginx example with the lab's interface and VIP.</summary>
public sealed class DemoConfigWriterTests
{
    private static readonly DemoLayout Layout = new("vd000000");

    [Fact]
    public void Render_NodeA_IsTheSeedExampleAsMaster()
    {
        var text = DemoConfigWriter.Render(Layout.Nodes[0]);

        Assert.Equal("""
            ! Configuration File for keepalived (vigil demo, node-a)
            ! derived from the seed's high-availability nginx example

            global_defs {
                router_id node-a
                vrrp_mcast_group4 224.0.100.19
            }

            vrrp_script chk_nginx {
                script "killall -0 demo-nginx && exit 0 || exit 1"
                interval 1
                weight -5
            }

            vrrp_instance VI_1 {
                state MASTER
                interface eth0
                virtual_router_id 14
                priority 100
                advert_int 1
                authentication {
                    auth_type PASS
                    auth_pass 571f97b2
                }
                virtual_ipaddress {
                    10.50.0.100/24 dev eth0
                }
                track_script {
                    chk_nginx
                }
            }

            """, text);
    }

    [Fact]
    public void Render_NodeB_IsBackupWithAPriorityTheWeightCrosses()
    {
        var text = DemoConfigWriter.Render(Layout.Nodes[1]);

        Assert.Contains("    state BACKUP\n", text);
        Assert.Contains("    priority 98\n", text);
        Assert.Contains("    router_id node-b\n", text);
        Assert.True(100 + DemoConfigWriter.ScriptWeight < 98, "the script weight must move the VIP");
    }

    [Fact]
    public void Render_ForKeepalived_UsesAShellFreeCheck()
    {
        var text = DemoConfigWriter.Render(Layout.Nodes[0], "/usr/bin/killall -0 demo-nginx");

        Assert.Contains("    script \"/usr/bin/killall -0 demo-nginx\"\n", text);
    }

    [Fact]
    public void Layout_NamesStartWithThePrefixAndFitInterfaceLimits()
    {
        var layout = DemoLayout.CreateUnique();

        Assert.Matches("^vd[0-9a-f]{6}$", layout.Prefix);
        Assert.All(layout.Nodes, n => Assert.StartsWith(layout.Prefix, n.Namespace, StringComparison.Ordinal));
        Assert.StartsWith(layout.Prefix, layout.ClientNamespace, StringComparison.Ordinal);
        Assert.StartsWith(layout.Prefix, layout.BridgeNamespace, StringComparison.Ordinal);
    }
}
