using Vigil.Testing;
using Vigil.Testing.Netns;

namespace Vigil.Ipvs.Tests.Integration;

/// <summary>
/// <c>vigil run</c> in the director namespace with a keepalived virtual_server on each data plane that runs here, driven from the
/// command line as an operator (or ansible) would: drains, enables, and a reload that changes weights under load.
/// </summary>
[Collection("netns")]
public sealed class DaemonTests
{
    private const string Vs = "10.78.0.100:80";

    [Theory]
    [InlineData("nftables", "*")]
    [InlineData("userspace", "127.0.0.1")]
    public async Task Daemon_Rotates_Drains_Enables_FallsToTheSorryServer_AndReloadsWeightsWithoutAFailedRequest(string plane, string sorryAddress)
    {
        await using var lab = await LbLab.CreateAsync(sorryAddress);
        var conf = Path.Combine(lab.Directory, "keepalived.conf");
        await File.WriteAllTextAsync(conf, Conf(plane, "rr", 1, 1, 1));
        var vigil = StartVigil(lab, conf);
        await WaitAsync(async () => (await lab.GetAsync()).StartsWith("rs", StringComparison.Ordinal), vigil);

        var turn = await lab.GetManyAsync(6);
        Assert.Equal(3, turn.Take(3).Distinct().Count());
        Assert.Equal(turn.Take(3), turn.Skip(3));

        var drained = await Cli(lab, "rs", "drain", Vs, "10.77.0.3:80", "--wait", "--timeout=10s", "--json");
        Assert.True(drained.ExitCode == 0, drained.Stdout + drained.Stderr);
        Assert.DoesNotContain("rs2", await lab.GetManyAsync(4));
        var listed = await Cli(lab, "rs", "list", Vs, "--json");
        Assert.Contains("10.77.0.3:80", listed.Stdout, StringComparison.Ordinal);

        Assert.Equal(0, (await Cli(lab, "rs", "enable", Vs, "10.77.0.3:80")).ExitCode);
        Assert.Contains("rs2", await lab.GetManyAsync(3));

        foreach (var rs in new[] { "10.77.0.2:80", "10.77.0.3:80", "10.77.0.4:80" })
        {
            Assert.Equal(0, (await Cli(lab, "rs", "drain", Vs, rs)).ExitCode);
        }

        Assert.Equal(["sorry", "sorry"], await lab.GetManyAsync(2));
        foreach (var rs in new[] { "10.77.0.2:80", "10.77.0.3:80", "10.77.0.4:80" })
        {
            Assert.Equal(0, (await Cli(lab, "rs", "enable", Vs, rs)).ExitCode);
        }

        // Requests keep coming on new connections while the weights change under them.
        var urls = Enumerable.Repeat($"http://{LbLab.Vip}/", 40).ToArray();
        var load = lab.Lab.RunAsync(lab.Client, ["curl", "-s", "--fail", "--max-time", "20", "--rate", "20/s", "-H", "Connection: close", .. urls]);
        await Task.Delay(700);
        await File.WriteAllTextAsync(conf, Conf(plane, "wrr", 3, 1, 0));
        vigil.Signal(1);
        var loaded = await load;
        Assert.True(loaded.ExitCode == 0, $"a request failed during the reload: {loaded.Stderr}");
        Assert.Equal(40, loaded.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        await WaitAsync(async () => !(await lab.GetManyAsync(4)).Contains("rs3"), vigil);
        var after = await lab.GetManyAsync(8);
        Assert.Equal(6, after.Count(n => n == "rs1"));
        Assert.Equal(2, after.Count(n => n == "rs2"));
    }

    /// <summary>Starts the daemon: the virtual-server side only (<c>-C</c>), or with <paramref name="withVrrp"/> both sides.</summary>
    private static LabProcess StartVigil(LbLab lab, string conf, bool withVrrp = false, int? metricsPort = null)
    {
        List<string> command = [RepoPaths.VigilBinary, "run", .. withVrrp ? Array.Empty<string>() : ["-C"], "-f", conf,
            "--plugins-dir", RepoPaths.PluginsDirectory,
            "--instance", lab.Lab.Prefix + "d",
            "--admin-socket", Path.Combine(lab.Directory, "admin.sock"),
            "-p", Path.Combine(lab.Directory, "vigil.pid"),
            "--set", metricsPort is { } port ? $"Metrics:Port={port}" : "Metrics:Enabled=false",
            "--set", "Modules:notify:Enabled=false",
            "--set", $"StateDirectory={Path.Combine(lab.Directory, "state")}"];
        return lab.Lab.StartProcess(lab.Director, command);
    }

    [Fact]
    public async Task TrackVirtualServer_LosingQuorum_GivesTheVipAway_AndRegainingItTakesItBack()
    {
        await using var lab = await LbLab.CreateAsync(addVip: false);
        var conf = Path.Combine(lab.Directory, "keepalived.conf");
        await File.WriteAllTextAsync(conf, """
            global_defs {
              router_id director
              data_plane nftables
            }
            vrrp_instance VI_1 {
              state BACKUP
              interface eth0
              virtual_router_id 51
              priority 100
              advert_int 1
              virtual_ipaddress {
                10.78.0.100/32 dev eth0
              }
              track_virtual_server {
                10.78.0.100 80
              }
            }
            virtual_server 10.78.0.100 80 {
              lb_algo rr
              lb_kind NAT
              real_server 10.77.0.2 80 {
              }
              real_server 10.77.0.3 80 {
              }
            }
            """);
        var vigil = StartVigil(lab, conf, withVrrp: true);
        await WaitAsync(async () => await HasVipAsync(lab) && (await lab.GetAsync()).StartsWith("rs", StringComparison.Ordinal), vigil);

        Assert.Equal(0, (await Cli(lab, "rs", "drain", Vs, "10.77.0.2:80")).ExitCode);
        Assert.Equal(0, (await Cli(lab, "rs", "drain", Vs, "10.77.0.3:80")).ExitCode);
        await WaitAsync(async () => !await HasVipAsync(lab), vigil);

        Assert.Equal(0, (await Cli(lab, "rs", "enable", Vs, "10.77.0.3:80")).ExitCode);
        await WaitAsync(async () => await HasVipAsync(lab) && await lab.GetAsync() == "rs2", vigil);
    }

    [Fact]
    public async Task Metrics_CarryVigilsAndTheKeepalivedExportersNames_AndPassPromtool()
    {
        await using var lab = await LbLab.CreateAsync();
        var conf = Path.Combine(lab.Directory, "keepalived.conf");
        await File.WriteAllTextAsync(conf, Conf("nftables", "rr", 1, 1, 1));
        var vigil = StartVigil(lab, conf, metricsPort: 9914);
        await WaitAsync(async () => (await lab.GetAsync()).StartsWith("rs", StringComparison.Ordinal), vigil);
        await lab.GetManyAsync(3);

        // The counters are read every 2 s; wait until the requests just made show up.
        var exposition = "";
        await WaitAsync(async () =>
        {
            exposition = (await lab.Lab.RunAsync(lab.Director, "curl", "-s", "--max-time", "2", "http://127.0.0.1:9914/metrics")).Stdout;
            return Sum(exposition, "keepalived_lvs_rs_conn{") >= 4;
        }, vigil);
        var file = Path.Combine(lab.Directory, "metrics.txt");
        await File.WriteAllTextAsync(file, exposition);
        var promtool = await lab.Lab.RunAsync(lab.Director, "sh", "-c", $"promtool check metrics < {file}");

        Assert.True(promtool.ExitCode == 0, $"{promtool.Stdout}{promtool.Stderr}\n{exposition}");
        foreach (var name in new[] { "vigil_lvs_rs_up", "vigil_lvs_rs_effective_weight", "vigil_lvs_vs_quorum", "keepalived_lvs_vip_in_packets", "keepalived_lvs_rs_in_bytes", "keepalived_lvs_rs_conn" })
        {
            Assert.Contains(name, exposition, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Drain_SurvivesAReloadAndARestart()
    {
        await using var lab = await LbLab.CreateAsync();
        var conf = Path.Combine(lab.Directory, "keepalived.conf");
        await File.WriteAllTextAsync(conf, Conf("nftables", "rr", 1, 1, 1));
        var vigil = StartVigil(lab, conf);
        await WaitAsync(async () => (await lab.GetAsync()).StartsWith("rs", StringComparison.Ordinal), vigil);
        Assert.Equal(0, (await Cli(lab, "rs", "drain", Vs, "10.77.0.3:80")).ExitCode);

        vigil.Signal(1);
        await Task.Delay(1000);
        Assert.DoesNotContain("rs2", await lab.GetManyAsync(6));

        await vigil.StopAsync();
        vigil = StartVigil(lab, conf);
        await WaitAsync(async () => (await lab.GetAsync()).StartsWith("rs", StringComparison.Ordinal), vigil);

        Assert.DoesNotContain("rs2", await lab.GetManyAsync(6));
        Assert.Matches("\"state\":\\s*\"drained\"", (await Cli(lab, "rs", "list", Vs, "--json")).Stdout);
    }

    [Fact]
    public async Task ServiceThePlaneCannotRun_StopsTheStartWithOneLineNamingFileAndLine()
    {
        await using var lab = await LbLab.CreateAsync();
        var conf = Path.Combine(lab.Directory, "keepalived.conf");
        await File.WriteAllTextAsync(conf, Conf("nftables", "rr", 1, 1, 1).Replace("lb_kind NAT", "lb_kind TUN", StringComparison.Ordinal));

        var vigil = StartVigil(lab, conf);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!vigil.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(vigil.HasExited, "vigil kept running with a service its data plane cannot forward");
        Assert.Contains($"{conf}:5: virtual_server 10.78.0.100:80/tcp: lb_kind TUN needs kernel IPVS (data_plane ipvs); nftables cannot encapsulate (data_plane nftables)", vigil.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", vigil.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("vigil_lvs", (await lab.Lab.RunAsync(lab.Director, "nft", "list", "tables")).Stdout, StringComparison.Ordinal);
    }

    private static double Sum(string exposition, string prefix) =>
        exposition.Split('\n').Where(l => l.StartsWith(prefix, StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<bool> HasVipAsync(LbLab lab) =>
        (await lab.Lab.RunAsync(lab.Director, "ip", "-o", "addr", "show", "dev", "eth0")).Stdout.Contains($" {LbLab.Vip}/32", StringComparison.Ordinal);

    private static Task<ProcessResult> Cli(LbLab lab, params string[] arguments) =>
        lab.Lab.RunAsync(lab.Director, [RepoPaths.VigilBinary, .. arguments, "--admin-socket", Path.Combine(lab.Directory, "admin.sock")]);

    private static Task WaitAsync(Func<Task<bool>> condition, LabProcess vigil) => Eventually.HoldsAsync(condition, "the condition", vigil);

    private static string Conf(string plane, string algorithm, int w1, int w2, int w3) => $$"""
        global_defs {
          router_id director
          data_plane {{plane}}
        }
        virtual_server 10.78.0.100 80 {
          delay_loop 1
          lb_algo {{algorithm}}
          lb_kind NAT
          protocol TCP
          sorry_server 127.0.0.1 80
          real_server 10.77.0.2 80 {
            weight {{w1}}
          }
          real_server 10.77.0.3 80 {
            weight {{w2}}
          }
          real_server 10.77.0.4 80 {
            weight {{w3}}
          }
        }
        """;
}
