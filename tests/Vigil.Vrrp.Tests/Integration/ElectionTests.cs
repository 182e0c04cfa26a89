using System.Diagnostics;

namespace Vigil.Vrrp.Tests.Integration;

[Collection("netns")]
public class ElectionTests
{
    private static readonly string[] Ab = ["a", "b"];
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TwoNodes_ElectByPriority_HigherHoldsVipAndStatusAgrees()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        lab.StartVigil("a", KeepalivedConf.Instance(150));
        lab.StartVigil("b", KeepalivedConf.Instance(100));

        await lab.WaitForHoldersAsync(Ab, ["a"], Settle);

        var a = await lab.WaitForRowAsync("a", "VI_1", r => (string?)r["state"] == "MASTER", Settle);
        var b = await lab.WaitForRowAsync("b", "VI_1", r => (string?)r["state"] == "BACKUP" && (long)r["adverts_received"]! > 0, Settle);
        Assert.Equal("10.77.0.1", (string?)b["master"]);
        Assert.Equal(150, (int)a["effective_priority"]!);
        await lab.AssertHoldersStayAsync(Ab, ["a"], TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task GracefulStop_OfMaster_BackupTakesOverAfterSkewTimeOnly()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        var a = lab.StartVigil("a", KeepalivedConf.Instance(150, version: 2, advertInt: "1"));
        lab.StartVigil("b", KeepalivedConf.Instance(100, version: 2, advertInt: "1"));
        await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(8));
        await lab.WaitForRowAsync("b", "VI_1", r => (string?)r["state"] == "BACKUP" && (long)r["adverts_received"]! > 0, Settle);

        var watch = Stopwatch.StartNew();
        await a.StopAsync(TimeSpan.FromSeconds(3));
        await lab.WaitForHoldersAsync(Ab, ["b"], TimeSpan.FromSeconds(3));

        // Priority 0 means Skew_Time (0.6 s at priority 100), far below Master_Down_Interval (3.6 s).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"takeover took {watch.Elapsed}");
    }

    [Fact]
    public async Task KillNine_OfMaster_BackupTakesOverAfterMasterDownInterval()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        var a = lab.StartVigil("a", KeepalivedConf.Instance(150));
        lab.StartVigil("b", KeepalivedConf.Instance(100));
        await lab.WaitForHoldersAsync(Ab, ["a"], Settle);
        await lab.WaitForRowAsync("b", "VI_1", r => (string?)r["state"] == "BACKUP" && (long)r["adverts_received"]! > 0, Settle);

        a.Signal(9);
        var row = await lab.WaitForRowAsync("b", "VI_1", r => (string?)r["state"] == "MASTER", TimeSpan.FromSeconds(3));

        Assert.Equal("master down timer expired", (string?)row["reason"]);
        Assert.True(await lab.HasAddressAsync("b"));
    }

    [Fact]
    public async Task Preempt_HigherPriorityJoiningLater_TakesOver()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        lab.StartVigil("b", KeepalivedConf.Instance(100));
        await lab.WaitForHoldersAsync(Ab, ["b"], Settle);

        lab.StartVigil("a", KeepalivedConf.Instance(150));

        await lab.WaitForHoldersAsync(Ab, ["a"], Settle);
    }

    [Fact]
    public async Task Nopreempt_HigherPriorityJoiningLater_StaysBackup()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        lab.StartVigil("b", KeepalivedConf.Instance(100, extra: "nopreempt"));
        await lab.WaitForHoldersAsync(Ab, ["b"], Settle);

        lab.StartVigil("a", KeepalivedConf.Instance(150, extra: "nopreempt"));
        await lab.WaitForRowAsync("a", "VI_1", r => (string?)r["state"] == "BACKUP" && (long)r["adverts_received"]! > 0, Settle);

        await lab.AssertHoldersStayAsync(Ab, ["b"], TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task PreemptDelay_HigherPriorityJoiningLater_WaitsTheDelayThenTakesOver()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        lab.StartVigil("b", KeepalivedConf.Instance(100));
        await lab.WaitForHoldersAsync(Ab, ["b"], Settle);

        var watch = Stopwatch.StartNew();
        lab.StartVigil("a", KeepalivedConf.Instance(150, extra: "preempt_delay 2"));
        await lab.AssertHoldersStayAsync(Ab, ["b"], TimeSpan.FromSeconds(1.5));
        await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(4));

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2), $"took over after {watch.Elapsed}, before preempt_delay 2 s");
    }

    [Fact]
    public async Task SplitBrain_HealLeavesOneMasterWithinOneAdvertInterval_AndClientArpFollowsIt()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b", "client");
        var client = lab["client"].Namespace;
        lab.StartVigil("a", KeepalivedConf.Instance(150, version: 2, advertInt: "1"));
        lab.StartVigil("b", KeepalivedConf.Instance(100, version: 2, advertInt: "1"));
        await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(8));
        await lab.Lab.RunCheckedAsync(client, "ping", "-c", "1", "-W", "2", VrrpLab.Vip);
        var macA = await MacAsync(lab, "a");
        var macB = await MacAsync(lab, "b");

        await lab.Lab.PartitionAsync(lab["a"], lab["b"]);
        await lab.WaitForHoldersAsync(Ab, ["a", "b"], TimeSpan.FromSeconds(6));
        await WaitForNeighbourAsync(lab, client, macB, TimeSpan.FromSeconds(2));
        await lab.Lab.HealAsync(lab["a"], lab["b"]);

        // One advertisement interval (1 s), plus what observing it costs: polling every 50 ms with two `ip` runs.
        var healed = await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(3));
        Assert.True(healed < TimeSpan.FromMilliseconds(1100), $"two masters for {healed} after healing");
        await WaitForNeighbourAsync(lab, client, macA, TimeSpan.FromSeconds(1));
        await lab.Lab.RunCheckedAsync(client, "ping", "-c", "1", "-W", "2", VrrpLab.Vip);
    }

    [Fact]
    public async Task ThreeNodes_ElectByPriority_KilledMasterIsReplacedByNextHighest()
    {
        string[] abc = ["a", "b", "c"];
        await using var lab = await VrrpLab.CreateAsync(abc);
        var b = lab.StartVigil("b", KeepalivedConf.Instance(200));
        lab.StartVigil("a", KeepalivedConf.Instance(100));
        lab.StartVigil("c", KeepalivedConf.Instance(150));
        await lab.WaitForHoldersAsync(abc, ["b"], Settle);

        b.Signal(9);
        await lab.Lab.RunCheckedAsync(lab["b"].Namespace, "ip", "addr", "del", VrrpLab.Vip + "/24", "dev", "eth0");

        await lab.WaitForHoldersAsync(abc, ["c"], TimeSpan.FromSeconds(3));
        await lab.AssertHoldersStayAsync(abc, ["c"], TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task ThreeNodes_EqualPriority_TieBreakOnPrimaryAddress_AfterPartitionHeals()
    {
        string[] abc = ["a", "b", "c"];
        await using var lab = await VrrpLab.CreateAsync(abc);
        foreach (var role in abc)
        {
            lab.StartVigil(role, KeepalivedConf.Instance(100));
        }

        await lab.Lab.PartitionAsync(lab["a"], lab["b"]);
        await lab.Lab.PartitionAsync(lab["a"], lab["c"]);
        await lab.Lab.PartitionAsync(lab["b"], lab["c"]);
        await lab.WaitForHoldersAsync(abc, abc, Settle);

        await lab.Lab.HealAsync(lab["a"], lab["b"]);
        await lab.Lab.HealAsync(lab["a"], lab["c"]);
        await lab.Lab.HealAsync(lab["b"], lab["c"]);

        // Equal priorities: the highest primary address (c, 10.77.0.3) stays master.
        await lab.WaitForHoldersAsync(abc, ["c"], TimeSpan.FromSeconds(2));
        var row = await lab.WaitForRowAsync("a", "VI_1", r => (string?)r["state"] == "BACKUP", Settle);
        Assert.Equal("10.77.0.3", (string?)row["master"]);
    }

    private static async Task<string> MacAsync(VrrpLab lab, string role) =>
        (await lab.Lab.RunCheckedAsync(lab[role].Namespace, "cat", "/sys/class/net/eth0/address")).Stdout.Trim();

    private static async Task WaitForNeighbourAsync(VrrpLab lab, string client, string mac, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var entry = "";
        while (watch.Elapsed < timeout)
        {
            entry = (await lab.Lab.RunCheckedAsync(client, "ip", "neigh", "show", VrrpLab.Vip)).Stdout;
            if (entry.Contains(mac, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"client's neighbour entry for {VrrpLab.Vip} is '{entry.Trim()}', expected {mac}");
    }
}
