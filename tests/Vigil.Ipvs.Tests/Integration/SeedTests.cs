using System.Globalization;
using Vigil.Testing;
using Vigil.Testing.Netns;

namespace Vigil.Ipvs.Tests.Integration;

/// <summary>
/// The seed's two IPVS examples (tests/fixtures/seed/03-ipvs-http-get.conf and 07-ipvs-dr-nat-mask.conf: LVS-DR, rr,
/// sorry_server 127.0.0.1 80, HTTP_GET real servers) run from the fixture files themselves, unchanged: the director's
/// interface is even named eno16777736. The real servers hold the VIP on lo with arp_ignore/arp_announce, as LVS-DR needs.
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
                await PrepareDrServerAsync(lab, rs, Vip);
                servers[rs] = await StartServerAsync(lab, rs, directory);
            }

            Nginx.Start(lab, lab["director"].Namespace, Path.Combine(directory, "sorry"), "sorry", "*");
            var vigil = StartSeed(lab, "07-ipvs-dr-nat-mask.conf", directory);

            await WaitAsync(async () => (await NamesAsync(lab, Vip, 12)).Distinct().Order().SequenceEqual(["rs1", "rs2"]), vigil, "both real servers answer through the VIP");

            await servers["rs1"].StopAsync();
            await WaitAsync(async () => (await NamesAsync(lab, Vip, 8)).All(n => n == "rs2"), vigil, "rs1 leaves after its HTTP_GET fails");

            await servers["rs2"].StopAsync();
            await WaitAsync(async () => (await NamesAsync(lab, Vip, 3)).All(n => n == "sorry"), vigil, "the sorry server answers");
        }
        finally
        {
            await lab.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// 03 is a whole node: VRRP instance VI_1 (MASTER, its VIP 10.1.0.93/16 on eno16777736) with the virtual server on
    /// that VIP. Its notify.sh and its mail server (127.0.0.1:25) do not exist here: they fail on the side, the node
    /// serves. A server whose HTTP_GET fails leaves, comes back when it answers again, and the sorry server answers when
    /// both are gone.
    /// </summary>
    [Fact]
    public async Task SeedHttpGetExample_RunsUnchanged_TakesTheVip_ServersLeaveAndReturnWithTheirChecks()
    {
        const string SeedVip = "10.1.0.93";
        var lab = await NetnsLab.CreateAsync();
        var directory = Directory.CreateTempSubdirectory("vigil-seed-").FullName;
        try
        {
            await lab.AddNodeAsync("director", "eno16777736", "10.1.0.1/16");
            await lab.AddNodeAsync("rs1", ipv4Cidr: "10.1.0.69/16");
            await lab.AddNodeAsync("rs2", ipv4Cidr: "10.1.0.71/16");
            await lab.AddNodeAsync("client", ipv4Cidr: "10.1.0.20/16");
            var servers = new Dictionary<string, LabProcess>();
            foreach (var rs in new[] { "rs1", "rs2" })
            {
                await PrepareDrServerAsync(lab, rs, SeedVip);
                servers[rs] = await StartServerAsync(lab, rs, directory);
            }

            Nginx.Start(lab, lab["director"].Namespace, Path.Combine(directory, "sorry"), "sorry", "*");
            var vigil = StartSeed(lab, "03-ipvs-http-get.conf", directory);

            await WaitAsync(async () => (await lab.RunAsync(lab["director"].Namespace, "ip", "-4", "addr", "show", "dev", "eno16777736")).Stdout.Contains($"{SeedVip}/16", StringComparison.Ordinal), vigil, "VI_1 holds its VIP");
            await WaitAsync(async () => (await NamesAsync(lab, SeedVip, 12)).Distinct().Order().SequenceEqual(["rs1", "rs2"]), vigil, "both real servers answer through the VIP");

            await servers["rs1"].StopAsync();
            await WaitAsync(async () => (await NamesAsync(lab, SeedVip, 8)).All(n => n == "rs2"), vigil, "rs1 leaves after its HTTP_GET fails");

            servers["rs1"] = await StartServerAsync(lab, "rs1", directory);
            await WaitAsync(async () => (await NamesAsync(lab, SeedVip, 12)).Distinct().Order().SequenceEqual(["rs1", "rs2"]), vigil, "rs1 returns once its HTTP_GET passes");

            await servers["rs1"].StopAsync();
            await servers["rs2"].StopAsync();
            await WaitAsync(async () => (await NamesAsync(lab, SeedVip, 3)).All(n => n == "sorry"), vigil, "the sorry server answers");
            Assert.False(vigil.HasExited, vigil.Stderr);
        }
        finally
        {
            await lab.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task PrepareDrServerAsync(NetnsLab lab, string rs, string vip)
    {
        var ns = lab[rs].Namespace;
        await lab.RunCheckedAsync(ns, "sysctl", "-q", "-w", "net.ipv4.conf.all.arp_ignore=1", "net.ipv4.conf.all.arp_announce=2",
            "net.ipv4.conf.eth0.arp_ignore=1", "net.ipv4.conf.eth0.arp_announce=2");
        await lab.RunCheckedAsync(ns, "ip", "addr", "add", $"{vip}/32", "dev", "lo");
    }

    private static async Task<LabProcess> StartServerAsync(NetnsLab lab, string rs, string directory)
    {
        var ns = lab[rs].Namespace;
        var server = Nginx.Start(lab, ns, Path.Combine(directory, rs), rs, "*");
        await Nginx.WaitListeningAsync(lab, ns, lab[rs].Ipv4.ToString());
        return server;
    }

    private static LabProcess StartSeed(NetnsLab lab, string fixture, string directory) =>
        lab.StartProcess(lab["director"].Namespace,
            RepoPaths.VigilBinary, "run", "-f", Path.Combine(RepoPaths.Fixtures, "seed", fixture),
            "--plugins-dir", RepoPaths.PluginsDirectory,
            "--instance", lab.Prefix + "seed",
            "--admin-socket", Path.Combine(directory, "admin.sock"),
            "-p", Path.Combine(directory, "vigil.pid"),
            "--set", "Metrics:Enabled=false",
            "--set", $"StateDirectory={Path.Combine(directory, "state")}");

    private static async Task<List<string>> NamesAsync(NetnsLab lab, string vip, int count)
    {
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var result = await lab.RunAsync(lab["client"].Namespace, "curl", "-s", "--max-time", "2", $"http://{vip}/index.html");
            names.Add(result.ExitCode == 0 ? result.Stdout.Trim() : $"curl exit {result.ExitCode.ToString(CultureInfo.InvariantCulture)}");
        }

        return names;
    }

    // HTTP_GET here: connect_timeout 3, nb_get_retry 3, delay_before_retry 3, so a server fails after about 12 s.
    private static Task WaitAsync(Func<Task<bool>> condition, LabProcess vigil, string what) => Eventually.HoldsAsync(condition, what, vigil, 30);
}
