using System.Globalization;
using Vigil.Testing;
using Vigil.Testing.Netns;

namespace Vigil.Ipvs.Tests.Integration;

/// <summary>
/// Two directors running the whole daemon (VRRP, virtual servers, notify) over the same keepalived.conf, with
/// conntrackd in FTFW mode between them, as LVS-NAT clusters run keepalived: the VIPs and the virtual service move
/// together, and a long download through the VIP keeps flowing when the master director drops off the network.
/// </summary>
[Collection("netns")]
public sealed class HaDirectorsTests
{
    private const string Vip = "10.78.0.100";
    private const int FileMegabytes = 16;

    [Fact]
    public async Task MasterDirectorDies_TheBackupTakesTheVipsAndTheService_AndAnEstablishedDownloadSurvives()
    {
        var lab = await NetnsLab.CreateAsync("d1", "d2", "rs1", "rs2");
        var directory = Directory.CreateTempSubdirectory("vigil-ha-").FullName;
        try
        {
            await lab.AddNodeAsync("client", ipv4Cidr: "10.78.0.10/24");
            for (var i = 1; i <= 2; i++)
            {
                var director = lab[$"d{i}"].Namespace;
                await lab.RunCheckedAsync(director, "ip", "addr", "add", $"10.78.0.{i}/24", "dev", "eth0");
                // As conntrackd's manual asks: a mid-stream packet the director has no entry for is invalid, not a new
                // connection, so only the state conntrackd commits carries an established connection over.
                await lab.RunCheckedAsync(director, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1", "net.netfilter.nf_conntrack_tcp_loose=0");
                var rs = lab[$"rs{i}"].Namespace;
                await lab.RunCheckedAsync(rs, "ip", "route", "add", "default", "via", "10.77.0.254");
                var files = Path.Combine(directory, $"rs{i}", "files");
                Directory.CreateDirectory(files);
                await File.WriteAllBytesAsync(Path.Combine(files, "big.bin"), new byte[FileMegabytes * 1024 * 1024]);
                Nginx.Start(lab, rs, Path.Combine(directory, $"rs{i}"), $"rs{i}", "*");
            }

            for (var i = 1; i <= 2; i++)
            {
                await Nginx.WaitListeningAsync(lab, lab[$"rs{i}"].Namespace, lab[$"rs{i}"].Ipv4.ToString());
                var director = lab[$"d{i}"].Namespace;
                var conntrackd = Path.Combine(directory, $"conntrackd{i}.conf");
                await File.WriteAllTextAsync(conntrackd, ConntrackdConf(directory, i));
                lab.StartProcess(director, "conntrackd", "-C", conntrackd);
                var notify = Path.Combine(directory, $"primary{i}.sh");
                await File.WriteAllTextAsync(notify, $"#!/bin/sh\nfor op in -c -f -R -B; do conntrackd -C {conntrackd} $op; done\n");
                File.SetUnixFileMode(notify, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                var conf = Path.Combine(directory, $"d{i}.conf");
                await File.WriteAllTextAsync(conf, KeepalivedConf(i == 1 ? 150 : 100, notify));
                StartVigil(lab, director, conf, Path.Combine(directory, $"d{i}"));
            }

            await WaitAsync(async () => await HoldsVipAsync(lab, "d1") && !await HoldsVipAsync(lab, "d2"), "d1 holds the VIPs");
            // rr: after rs1 answers, the download goes to rs2, while a director scheduling it afresh would pick rs1 first.
            await WaitAsync(async () => (await lab.RunAsync(lab["client"].Namespace, "curl", "-s", "--max-time", "2", $"http://{Vip}/")).Stdout.Trim() == "rs1", "rs1 answers through d1");

            // About 8 s at 2 MB/s (the command runner allows 15 s): the master goes away 3 s in.
            var download = lab.RunAsync(lab["client"].Namespace, "curl", "-s", "-o", "/dev/null", "-w", "%{size_download} %{http_code}",
                "--limit-rate", "2M", "--max-time", "60", $"http://{Vip}/files/big.bin");
            await Task.Delay(3000);
            await lab.RunCheckedAsync(lab["d1"].Namespace, "ip", "link", "set", "eth0", "down");
            await WaitAsync(() => HoldsVipAsync(lab, "d2"), "d2 takes the VIPs");
            var result = await download;

            Assert.Equal(0, result.ExitCode);
            Assert.Equal($"{(FileMegabytes * 1024 * 1024).ToString(CultureInfo.InvariantCulture)} 200", result.Stdout.Trim());
            Assert.StartsWith("rs", (await lab.RunCheckedAsync(lab["client"].Namespace, "curl", "-s", "--max-time", "3", $"http://{Vip}/")).Stdout, StringComparison.Ordinal);
        }
        finally
        {
            await lab.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void StartVigil(NetnsLab lab, string ns, string conf, string state) =>
        lab.StartProcess(ns,
            RepoPaths.VigilBinary, "run", "-f", conf,
            "--plugins-dir", RepoPaths.PluginsDirectory,
            "--instance", lab.Prefix + Path.GetFileName(state),
            "--admin-socket", state + ".sock",
            "-p", state + ".pid",
            "--set", "Metrics:Enabled=false",
            "--set", $"StateDirectory={state}");

    private static async Task<bool> HoldsVipAsync(NetnsLab lab, string role) =>
        (await lab.RunAsync(lab[role].Namespace, "ip", "-o", "addr", "show", "dev", "eth0")).Stdout.Contains($" {Vip}/", StringComparison.Ordinal);

    private static Task WaitAsync(Func<Task<bool>> condition, string what) => Eventually.HoldsAsync(condition, what);

    private static string KeepalivedConf(int priority, string notify) => $$"""
        global_defs {
          router_id d{{priority}}
          data_plane nftables
        }
        vrrp_instance VI_1 {
          state BACKUP
          interface eth0
          virtual_router_id 61
          priority {{priority}}
          advert_int 1
          virtual_ipaddress {
            10.78.0.100/24 dev eth0
            10.77.0.254/24 dev eth0
          }
          notify_master "{{notify}}"
        }
        virtual_server 10.78.0.100 80 {
          lb_algo rr
          lb_kind NAT
          real_server 10.77.0.3 80 {
          }
          real_server 10.77.0.4 80 {
          }
        }
        """;

    private static string ConntrackdConf(string directory, int i) => $$"""
        Sync {
          Mode FTFW {
          }
          UDP {
            IPv4_address 10.77.0.{{i}}
            IPv4_Destination_Address 10.77.0.{{3 - i}}
            Port 3780
            Interface eth0
            Checksum on
          }
        }
        General {
          HashSize 8192
          HashLimit 65536
          LogFile {{directory}}/conntrackd{{i}}.log
          LockFile {{directory}}/conntrackd{{i}}.lock
          UNIX {
            Path {{directory}}/conntrackd{{i}}.ctl
          }
          NetlinkBufferSize 2097152
          NetlinkBufferSizeMaxGrowth 8388608
          Filter From Userspace {
            Protocol Accept {
              TCP
            }
            Address Ignore {
              IPv4_address 127.0.0.1
              IPv4_address 10.77.0.1
              IPv4_address 10.77.0.2
              IPv4_address 10.78.0.1
              IPv4_address 10.78.0.2
            }
          }
        }
        """;
}
