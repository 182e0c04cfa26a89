namespace Vigil.Vrrp.Tests.Integration;

[Collection("netns")]
public class TrackingTests
{
    private static readonly string[] Ab = ["a", "b"];
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task TrackScript_FailingWithNegativeWeight_LowersPriorityAndBackupPreempts()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        var down = Path.Combine(lab.Directory, "down");
        var script = $"vrrp_script chk {{\n    script \"test ! -f {down}\"\n    interval 1\n    weight -60\n}}\n";
        lab.StartVigil("a", script + KeepalivedConf.Instance(150, extra: ["track_script {", "    chk", "}"]));
        lab.StartVigil("b", KeepalivedConf.Instance(100));
        await lab.WaitForHoldersAsync(Ab, ["a"], Settle);

        await File.WriteAllTextAsync(down, "");

        await lab.WaitForHoldersAsync(Ab, ["b"], TimeSpan.FromSeconds(4));
        var row = await lab.WaitForRowAsync("a", "VI_1", r => (string?)r["state"] == "BACKUP", TimeSpan.FromSeconds(2));
        Assert.Equal(90, (int)row["effective_priority"]!);
    }

    [Fact]
    public async Task TrackInterface_Down_FaultsInstanceAndBackupTakesOver()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        var ns = lab["a"].Namespace;
        await lab.Lab.RunCheckedAsync(ns, "ip", "link", "add", "trk0", "type", "veth", "peer", "name", "trk1");
        await lab.Lab.RunCheckedAsync(ns, "ip", "link", "set", "trk0", "up");
        await lab.Lab.RunCheckedAsync(ns, "ip", "link", "set", "trk1", "up");
        lab.StartVigil("a", KeepalivedConf.Instance(150, extra: ["track_interface {", "    trk0", "}"]));
        lab.StartVigil("b", KeepalivedConf.Instance(100));
        await lab.WaitForHoldersAsync(Ab, ["a"], Settle);

        await lab.Lab.RunCheckedAsync(ns, "ip", "link", "set", "trk1", "down");

        var row = await lab.WaitForRowAsync("a", "VI_1", r => (string?)r["state"] == "FAULT", TimeSpan.FromSeconds(2));
        Assert.Contains("trk0", (string?)row["reason"]);
        await lab.WaitForHoldersAsync(Ab, ["b"], TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task SyncGroup_OneMemberFaults_WholeGroupMovesToBackupNode()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        var state = Path.Combine(lab.Directory, "state");
        const string group = "vrrp_sync_group G {\n    group {\n        VI_1\n        VI_2\n    }\n}\n";
        var trackFile = $"track_file tf {{\n    file {state}\n    weight 0\n}}\n";
        string Conf(int priority, bool tracked) =>
            group + trackFile + KeepalivedConf.Instance(priority)
            + KeepalivedConf.Instance(priority, "VI_2", 52, "10.77.0.101/24", extra: tracked ? ["track_file {", "    tf", "}"] : []);
        lab.StartVigil("a", Conf(150, tracked: true));
        lab.StartVigil("b", Conf(100, tracked: false));
        await lab.WaitForHoldersAsync(Ab, ["a"], Settle);
        await lab.WaitForHoldersAsync(Ab, ["a"], Settle, "10.77.0.101");

        await File.WriteAllTextAsync(state, "1\n");

        await lab.WaitForHoldersAsync(Ab, ["b"], TimeSpan.FromSeconds(4));
        await lab.WaitForHoldersAsync(Ab, ["b"], TimeSpan.FromSeconds(1), "10.77.0.101");
        await lab.WaitForRowAsync("a", "VI_1", r => (string?)r["state"] == "FAULT", TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task TrackProcess_ProcessEnds_LowersPriorityAndBackupPreempts()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b");
        var seconds = Random.Shared.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sleeper = lab.Lab.StartProcess(lab["a"].Namespace, "sleep", seconds);
        var process = $"track_process sleeper {{\n    process sleep {seconds}\n    weight -60\n}}\n";
        lab.StartVigil("a", process + KeepalivedConf.Instance(150, extra: ["track_process {", "    sleeper", "}"]));
        lab.StartVigil("b", KeepalivedConf.Instance(100));
        await lab.WaitForHoldersAsync(Ab, ["a"], Settle);
        await lab.AssertHoldersStayAsync(Ab, ["a"], TimeSpan.FromSeconds(1.5));

        await sleeper.StopAsync();

        await lab.WaitForHoldersAsync(Ab, ["b"], TimeSpan.FromSeconds(4));
    }
}
