namespace Vigil.Vrrp.Tests.Integration;

[Collection("netns")]
public class ClientTests
{
    private static readonly string[] Ab = ["a", "b"];

    [Fact]
    public async Task Failover_GratuitousArpMovesClientNeighbourEntry_VipStillReachable()
    {
        await using var lab = await VrrpLab.CreateAsync("a", "b", "client");
        var client = lab["client"].Namespace;
        var a = lab.StartVigil("a", KeepalivedConf.Instance(150));
        lab.StartVigil("b", KeepalivedConf.Instance(100));
        await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(5));
        await lab.Lab.RunCheckedAsync(client, "ping", "-c", "1", "-W", "2", VrrpLab.Vip);
        var macA = (await lab.Lab.RunCheckedAsync(lab["a"].Namespace, "cat", "/sys/class/net/eth0/address")).Stdout.Trim();
        var macB = (await lab.Lab.RunCheckedAsync(lab["b"].Namespace, "cat", "/sys/class/net/eth0/address")).Stdout.Trim();
        Assert.Contains(macA, (await lab.Lab.RunCheckedAsync(client, "ip", "neigh", "show", VrrpLab.Vip)).Stdout);

        a.Signal(9);
        await lab.Lab.RunCheckedAsync(lab["a"].Namespace, "ip", "addr", "del", VrrpLab.Vip + "/24", "dev", "eth0");
        await lab.WaitForHoldersAsync(Ab, ["b"], TimeSpan.FromSeconds(3));
        await Task.Delay(200);

        Assert.Contains(macB, (await lab.Lab.RunCheckedAsync(client, "ip", "neigh", "show", VrrpLab.Vip)).Stdout);
        await lab.Lab.RunCheckedAsync(client, "ping", "-c", "1", "-W", "2", VrrpLab.Vip);
    }
}
