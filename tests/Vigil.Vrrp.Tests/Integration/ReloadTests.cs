namespace Vigil.Vrrp.Tests.Integration;

[Collection("netns")]
public class ReloadTests
{
    private static readonly string[] A = ["a"];

    [Fact]
    public async Task Reload_UnchangedInstanceUntouched_RemovedReleases_NewStarts()
    {
        await using var lab = await VrrpLab.CreateAsync("a");
        var vi1 = KeepalivedConf.Instance(150);
        var vigil = lab.StartVigil("a", vi1 + KeepalivedConf.Instance(150, "VI_2", 52, "10.77.0.101/24"));
        await lab.WaitForHoldersAsync(A, ["a"], TimeSpan.FromSeconds(5));
        await lab.WaitForHoldersAsync(A, ["a"], TimeSpan.FromSeconds(2), "10.77.0.101");
        var before = await lab.WaitForRowAsync("a", "VI_1", r => (string?)r["state"] == "MASTER", TimeSpan.FromSeconds(1));

        await File.WriteAllTextAsync(Path.Combine(lab.Directory, "a.conf"), vi1 + KeepalivedConf.Instance(150, "VI_3", 53, "10.77.0.102/24"));
        vigil.Signal(1);

        await lab.WaitForHoldersAsync(A, [], TimeSpan.FromSeconds(3), "10.77.0.101");
        await lab.WaitForHoldersAsync(A, ["a"], TimeSpan.FromSeconds(3), "10.77.0.102");
        var after = await lab.WaitForRowAsync("a", "VI_1", r => (string?)r["state"] == "MASTER", TimeSpan.FromSeconds(1));
        Assert.Equal((string?)before["last_transition"], (string?)after["last_transition"]);
        Assert.True(await lab.HasAddressAsync("a"));
        Assert.DoesNotContain(await lab.VrrpRowsAsync("a"), r => (string?)r!["instance"] == "VI_2");
    }

    [Fact]
    public async Task Stop_RemovesAddressesAndVmac()
    {
        await using var lab = await VrrpLab.CreateAsync("a");
        var vigil = lab.StartVigil("a", KeepalivedConf.Instance(150, extra: "use_vmac"));
        await lab.WaitForHoldersAsync(A, ["a"], TimeSpan.FromSeconds(5));

        await vigil.StopAsync(TimeSpan.FromSeconds(3));

        Assert.False(await lab.HasAddressAsync("a"));
        var link = await lab.Lab.RunAsync(lab["a"].Namespace, "ip", "link", "show", "vrrp.51");
        Assert.NotEqual(0, link.ExitCode);
    }
}
