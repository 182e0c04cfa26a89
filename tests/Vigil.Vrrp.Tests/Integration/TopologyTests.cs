namespace Vigil.Vrrp.Tests.Integration;

[Collection("netns")]
public class TopologyTests
{
    private static readonly string[] Ab = ["a", "b"];
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task UnicastPeers_ElectAndFailOver()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        var a = lab.StartVigil("a", KeepalivedConf.Instance(150, extra: ["unicast_src_ip 10.77.0.1", "unicast_peer {", "    10.77.0.2", "}"]));
        lab.StartVigil("b", KeepalivedConf.Instance(100, extra: ["unicast_src_ip 10.77.0.2", "unicast_peer {", "    10.77.0.1", "}"]));
        await lab.WaitForHoldersAsync(Ab, ["a"], Settle);
        await lab.WaitForRowAsync("b", "VI_1", r => (string?)r["state"] == "BACKUP" && (long)r["adverts_received"]! > 0, Settle);

        a.Signal(9);

        await lab.WaitForHoldersAsync(Ab, ["a", "b"], TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Ipv6_Version3_ElectsAndFailsOver()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        const string vip = "fd77::100";
        var a = lab.StartVigil("a", KeepalivedConf.Instance(150, vip: vip + "/64"));
        lab.StartVigil("b", KeepalivedConf.Instance(100, vip: vip + "/64"));
        await lab.WaitForHoldersAsync(Ab, ["a"], Settle, vip);
        await lab.WaitForRowAsync("b", "VI_1", r => (string?)r["state"] == "BACKUP" && (long)r["adverts_received"]! > 0, Settle);

        a.Signal(9);

        await lab.WaitForRowAsync("b", "VI_1", r => (string?)r["state"] == "MASTER", TimeSpan.FromSeconds(3));
        Assert.True(await lab.HasAddressAsync("b", vip));
    }

    [Fact]
    public async Task AuthPassMismatch_AdvertsIgnoredAndCounted_BothBecomeMaster()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        static string Conf(int priority, string pass) => KeepalivedConf.Instance(
            priority, version: 2, advertInt: "1", state: "MASTER",
            extra: ["authentication {", "    auth_type PASS", $"    auth_pass {pass}", "}"]);
        lab.StartVigil("a", Conf(150, "aaaa"));
        lab.StartVigil("b", Conf(100, "bbbb"));

        await lab.WaitForHoldersAsync(Ab, ["a", "b"], Settle);
        var row = await lab.WaitForRowAsync("b", "VI_1", r => ((string?)r["rejected"] ?? "").Contains("auth_failure"), Settle);
        Assert.Equal(0, (long)row["adverts_received"]!);
    }

    [Fact]
    public async Task UseVmac_AddressOnVirtualMacAndClientResolvesIt()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b", "client");
        lab.StartVigil("a", KeepalivedConf.Instance(150, extra: "use_vmac"));
        lab.StartVigil("b", KeepalivedConf.Instance(100, extra: "use_vmac"));
        await lab.WaitForHoldersAsync(Ab, ["a"], Settle);

        var link = await lab.Lab.RunCheckedAsync(lab["a"].Namespace, "ip", "-o", "addr", "show", "dev", "vrrp.51");
        Assert.Contains(VrrpLab.Vip + "/24", link.Stdout);
        await lab.Lab.RunCheckedAsync(lab["client"].Namespace, "ping", "-c", "1", "-W", "2", VrrpLab.Vip);
        var neighbour = await lab.Lab.RunCheckedAsync(lab["client"].Namespace, "ip", "neigh", "show", VrrpLab.Vip);
        Assert.Contains("00:00:5e:00:01:33", neighbour.Stdout);
    }
}
