using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Demo.Tests;

/// <summary>The cluster story's keepalived.conf: the seed's ipvs example as two LVS-NAT directors, and its lab names.</summary>
public sealed class ClusterConfigWriterTests
{
    private static readonly ClusterLayout Layout = new("vd000000");

    [Fact]
    public void Render_Director1_IsTheSeedIpvsExampleAsAnLvsNatMaster()
    {
        var text = ClusterConfigWriter.Render(Layout.Directors[0], Layout.RealServers);

        Assert.Equal("""
            ! Configuration File for keepalived (vigil demo, director-1)
            ! derived from the seed's ipvs example, as an LVS-NAT cluster of two directors

            global_defs {
                router_id director-1
                vrrp_mcast_group4 224.0.100.19
                data_plane nftables
            }

            vrrp_instance VI_1 {
                state MASTER
                interface eth0
                virtual_router_id 14
                priority 150
                advert_int 1
                authentication {
                    auth_type PASS
                    auth_pass 571f97b2
                }
                virtual_ipaddress {
                    10.51.0.100/24 dev eth0
                    10.52.0.254/24 dev eth1
                }
            }

            virtual_server 10.51.0.100 80 {
                delay_loop 1
                lb_algo rr
                lb_kind NAT
                protocol TCP

                sorry_server 127.0.0.1 80

                real_server 10.52.0.11 80 {
                    weight 1
                    TCP_CHECK {
                        connect_timeout 1
                    }
                }

                real_server 10.52.0.12 80 {
                    weight 1
                    TCP_CHECK {
                        connect_timeout 1
                    }
                }

                real_server 10.52.0.13 80 {
                    weight 1
                    TCP_CHECK {
                        connect_timeout 1
                    }
                }
            }

            """, text);
    }

    [Fact]
    public void Render_Director2_IsTheBackup_WithTheSameVipsAndService()
    {
        var master = ClusterConfigWriter.Render(Layout.Directors[0], Layout.RealServers);
        var backup = ClusterConfigWriter.Render(Layout.Directors[1], Layout.RealServers);

        Assert.Contains("    state BACKUP\n", backup);
        Assert.Contains("    priority 100\n", backup);
        Assert.Contains("    router_id director-2\n", backup);
        Assert.Equal(master[master.IndexOf("    virtual_ipaddress", StringComparison.Ordinal)..], backup[backup.IndexOf("    virtual_ipaddress", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Render_EveryDirector_IsValidForVigil_WithoutWarnings()
    {
        var directory = Directory.CreateTempSubdirectory("vigil-demo-conf-").FullName;
        try
        {
            foreach (var director in Layout.Directors)
            {
                var conf = Path.Combine(directory, $"{director.Name}.conf");
                await File.WriteAllTextAsync(conf, ClusterConfigWriter.Render(director, Layout.RealServers));

                var result = await Command.RunAsync(RepoPaths.VigilBinary, ["check-config", "-f", conf, "--plugins-dir", RepoPaths.PluginsDirectory]);

                Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
                Assert.Contains("valid (0 warning(s))", result.Stdout + result.Stderr);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Layout_NamesStartWithThePrefix_AndEveryLinkNameFitsInterfaceLimits()
    {
        var layout = new ClusterLayout(DemoLayout.CreateUnique().Prefix);
        string[] namespaces =
        [
            layout.BridgeNamespace, layout.ClientNamespace,
            .. layout.Directors.Select(d => d.Namespace), .. layout.RealServers.Select(s => s.Namespace),
        ];
        string[] ports = [.. layout.Directors.SelectMany(d => new[] { d.FrontPort, d.BackPort }), .. layout.RealServers.Select(s => s.BridgePort)];

        Assert.All(namespaces, ns => Assert.StartsWith(layout.Prefix, ns, StringComparison.Ordinal));
        Assert.Equal(namespaces.Length, namespaces.Distinct().Count());
        Assert.Equal(ports.Length, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p.Length, 1, 15));
        Assert.Equal(layout.Directors.Length, layout.Directors.Select(d => d.Mac).Distinct().Count());
    }

    [Fact]
    public void Answerer_IsTheNameOfAWebServer_OrASorryServersWholeAnswer()
    {
        Assert.Equal("rs2", DemoHttpClient.Answerer(DemoWebServer.ServedByBody("rs2")));
        Assert.Equal("sorry (director-1)", DemoHttpClient.Answerer(DemoWebServer.SorryBody("director-1")));
    }
}
