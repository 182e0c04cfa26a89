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
    public async Task SplitBrain_PartitionMakesTwoMasters_HealLeavesOne()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        lab.StartVigil("a", KeepalivedConf.Instance(150));
        lab.StartVigil("b", KeepalivedConf.Instance(100));
        await lab.WaitForHoldersAsync(Ab, ["a"], Settle);

        await lab.Lab.PartitionAsync(lab["a"], lab["b"]);
        await lab.WaitForHoldersAsync(Ab, ["a", "b"], TimeSpan.FromSeconds(3));
        await lab.Lab.HealAsync(lab["a"], lab["b"]);

        var healed = await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(2));
        Assert.True(healed < TimeSpan.FromSeconds(1), $"two masters for {healed} after healing");
    }
}
