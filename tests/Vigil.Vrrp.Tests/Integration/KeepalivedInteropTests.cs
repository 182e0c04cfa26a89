namespace Vigil.Vrrp.Tests.Integration;

[Collection("netns")]
public class KeepalivedInteropTests
{
    private static readonly string[] Ab = ["a", "b"];

    [Fact]
    public async Task Version2Pass_VigilMasterKeepalivedBackup_KeepalivedTakesOverOnStop()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        string[] auth = ["authentication {", "    auth_type PASS", "    auth_pass s3cret", "}"];
        var vigil = lab.StartVigil("a", KeepalivedConf.Instance(150, version: 2, advertInt: "1", state: "MASTER", extra: auth));
        var keepalived = lab.StartKeepalived("b", KeepalivedConf.Instance(100, version: 2, advertInt: "1", extra: auth));
        await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(6));
        await lab.AssertHoldersStayAsync(Ab, ["a"], TimeSpan.FromSeconds(4));
        await lab.WaitForRowAsync("a", "VI_1", r => (string?)r["state"] == "MASTER", TimeSpan.FromSeconds(1));
        AssertRunningBackup(keepalived);

        await vigil.StopAsync(TimeSpan.FromSeconds(3));

        await lab.WaitForHoldersAsync(Ab, ["b"], TimeSpan.FromSeconds(3));
        Assert.False(keepalived.HasExited, keepalived.Stderr);
    }

    [Fact]
    public async Task Version3_KeepalivedMasterVigilBackup_VigilTakesOverOnKill()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        var keepalived = lab.StartKeepalived("a", KeepalivedConf.Instance(150, state: "MASTER"));
        lab.StartVigil("b", KeepalivedConf.Instance(100));
        await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(6));
        var row = await lab.WaitForRowAsync("b", "VI_1", r => (string?)r["state"] == "BACKUP" && (long)r["adverts_received"]! > 2, TimeSpan.FromSeconds(3));
        Assert.Equal("10.77.0.1", (string?)row["master"]);

        keepalived.Signal(9);

        await lab.WaitForRowAsync("b", "VI_1", r => (string?)r["state"] == "MASTER", TimeSpan.FromSeconds(3));
        Assert.True(await lab.HasAddressAsync("b"));
    }

    [Fact]
    public async Task Version3_VigilPreemptsLowerPriorityKeepalivedMaster()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        lab.StartKeepalived("b", KeepalivedConf.Instance(100, state: "MASTER"));
        await lab.WaitForHoldersAsync(Ab, ["b"], TimeSpan.FromSeconds(6));

        lab.StartVigil("a", KeepalivedConf.Instance(150));

        await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(5));
        await lab.AssertHoldersStayAsync(Ab, ["a"], TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Version2Ah_KeepalivedMasterVigilBackup_VigilHearsItAndTakesOverOnStop()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        string[] auth = ["authentication {", "    auth_type AH", "    auth_pass s3cret", "}"];
        var keepalived = lab.StartKeepalived("a", KeepalivedConf.Instance(150, version: 2, advertInt: "1", state: "MASTER", extra: auth));
        lab.StartVigil("b", KeepalivedConf.Instance(100, version: 2, advertInt: "1", extra: auth));
        await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(6));
        await lab.WaitForRowAsync("b", "VI_1", r => (string?)r["state"] == "BACKUP" && (long)r["adverts_received"]! > 0, TimeSpan.FromSeconds(4));

        await keepalived.StopAsync(TimeSpan.FromSeconds(3));

        await lab.WaitForHoldersAsync(Ab, ["b"], TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Ipv6_VigilMasterKeepalivedBackup_KeepalivedTakesOverOnKill()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        const string vip = "fd77::100";
        var vigil = lab.StartVigil("a", KeepalivedConf.Instance(150, vip: vip + "/64", state: "MASTER"));
        await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(6), vip);
        var keepalived = lab.StartKeepalived("b", KeepalivedConf.Instance(100, vip: vip + "/64"));
        await lab.AssertHoldersStayAsync(Ab, ["a"], TimeSpan.FromSeconds(1), vip);
        AssertRunningBackup(keepalived);

        vigil.Signal(9);

        await lab.WaitForHoldersAsync(Ab, ["a", "b"], TimeSpan.FromSeconds(3), vip);
    }

    [Fact]
    public async Task Version2Ah_VigilMaster_KeepalivedAcceptsItsAdvertsAndStaysBackup()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        string[] auth = ["authentication {", "    auth_type AH", "    auth_pass s3cret", "}"];
        lab.StartVigil("a", KeepalivedConf.Instance(150, version: 2, advertInt: "1", state: "MASTER", extra: auth));
        await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(5));

        var keepalived = lab.StartKeepalived("b", KeepalivedConf.Instance(100, version: 2, advertInt: "1", extra: auth));

        // keepalived would take over after Master_Down_Interval (3.6 s) if it rejected the AH adverts.
        await lab.AssertHoldersStayAsync(Ab, ["a"], TimeSpan.FromSeconds(4.5));
        AssertRunningBackup(keepalived);
    }

    private static void AssertRunningBackup(Vigil.Testing.Netns.LabProcess keepalived)
    {
        var log = keepalived.Stdout + keepalived.Stderr;
        Assert.False(keepalived.HasExited, log);
        Assert.Contains("Entering BACKUP STATE", log);
        Assert.DoesNotContain("Entering MASTER STATE", log);
    }
}
