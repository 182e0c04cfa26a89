using System.Globalization;
using Vigil.Testing;
using Vigil.Testing.Netns;

namespace Vigil.Ipvs.Tests.Integration;

/// <summary>
/// The seed's second IPVS example (tests/fixtures/seed/07-ipvs-dr-nat-mask.conf: LVS-DR, rr, sorry_server 127.0.0.1 80,
/// HTTP_GET real servers) run from the fixture file itself, unchanged: the director's interface is even named
/// eno16777736. The real servers hold the VIP on lo with arp_ignore/arp_announce, as LVS-DR needs.
/// </summary>
[Collection("netns")]
public sealed class SeedTests
{
    private const string Vip = "172.16.100.71";

    [Fact]
    public async Task SeedDrExample_RunsUnchanged_ServersLeaveWhenTheirCheckFails_AndTheSorryServerAnswersWhenAllHave()
    {
        var lab = await NetnsLab.CreateAsync();
        var directory = Directory.CreateTempSubdirectory("vigil-seed-").FullName;
        try
        {
            await lab.AddNodeAsync("director", "eno16777736", "172.16.100.1/16");
            await lab.AddNodeAsync("rs1", ipv4Cidr: "172.16.100.8/16");
            await lab.AddNodeAsync("rs2", ipv4Cidr: "172.16.100.9/16");
            await lab.AddNodeAsync("client", ipv4Cidr: "172.16.100.20/16");
            var servers = new Dictionary<string, LabProcess>();
            foreach (var rs in new[] { "rs1", "rs2" })
            {
                var ns = lab[rs].Namespace;
                await lab.RunCheckedAsync(ns, "sysctl", "-q", "-w", "net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_announce=2",
                    "net.ipv4.conf.eth0.arp_ignore=1", "net.ipv4.conf.eth0.arp_announce=2");
                await lab.RunCheckedAsync(ns, "ip", "addr", "add", $"{Vip}/32", "dev", "lo");
                servers[rs] = Nginx.Start(lab, ns, Path.Combine(directory, rs), rs, "*");
                await Nginx.WaitListeningAsync(lab, ns, lab[rs].Ipv4.ToString());
            }

            Nginx.Start(lab, lab["director"].Namespace, Path.Combine(directory, "sorry"), "sorry", "*");
            var vigil = lab.StartProcess(lab["director"].Namespace,
                RepoPaths.VigilBinary, "run", "-f", Path.Combine(RepoPaths.Fixtures, "seed", "07-ipvs-dr-nat-mask.conf"),
                "--plugins-dir", RepoPaths.PluginsDirectory,
                "--instance", lab.Prefix + "seed",
                "--admin-socket", Path.Combine(directory, "admin.sock"),
                "-p", Path.Combine(directory, "vigil.pid"),
                "--set", "Metrics:Enabled=false",
                "--set", $"StateDirectory={Path.Combine(directory, "state")}");

            await WaitAsync(async () => (await NamesAsync(lab, 12)).Distinct().Order().SequenceEqual(["rs1", "rs2"]), vigil, "both real servers answer through the VIP");

            await servers["rs1"].StopAsync();
            await WaitAsync(async () => (await NamesAsync(lab, 8)).All(n => n == "rs2"), vigil, "rs1 leaves after its HTTP_GET fails");

            await servers["rs2"].StopAsync();
            await WaitAsync(async () => (await NamesAsync(lab, 3)).All(n => n == "sorry"), vigil, "the sorry server answers");
        }
        finally
        {
            await lab.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<List<string>> NamesAsync(NetnsLab lab, int count)
    {
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var result = await lab.RunAsync(lab["client"].Namespace, "curl", "-s", "--max-time", "2", $"http://{Vip}/index.html");
            names.Add(result.ExitCode == 0 ? result.Stdout.Trim() : $"curl exit {result.ExitCode.ToString(CultureInfo.InvariantCulture)}");
        }

        return names;
    }

    // HTTP_GET here: connect_timeout 3, nb_get_retry 3, delay_before_retry 3, so a server fails after about 12 s.
    private static Task WaitAsync(Func<Task<bool>> condition, LabProcess vigil, string what) => Eventually.HoldsAsync(condition, what, vigil, 30);
}
