namespace Vigil.Vrrp.Tests.Integration;

[Collection("netns")]
public class StartupFaultTests
{
    [Fact]
    public async Task InstanceOnMissingInterface_IsShownInFault_WhileTheOthersRun()
    {
        await using var lab = await VrrpLab.CreateAsync("a");
        var broken = KeepalivedConf.Instance(100, name: "VI_2", vrid: 52, vip: "10.77.0.101/24").Replace("interface eth0", "interface eth9", StringComparison.Ordinal);
        lab.StartVigil("a", KeepalivedConf.Instance(150) + broken);

        await lab.WaitForRowAsync("a", "VI_1", r => (string?)r["state"] == "MASTER", TimeSpan.FromSeconds(5));
        var fault = await lab.WaitForRowAsync("a", "VI_2", r => (string?)r["state"] == "FAULT", TimeSpan.FromSeconds(5));

        Assert.StartsWith("cannot start: ", (string?)fault["reason"]);
        Assert.Contains("eth9", (string?)fault["reason"]);
    }
}
