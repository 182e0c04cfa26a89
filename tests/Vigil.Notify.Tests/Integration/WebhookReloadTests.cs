using Vigil.Notify.Tests.Support;

namespace Vigil.Notify.Tests.Integration;

/// <summary>SIGHUP with a changed notify_webhook: the next event goes to the new URL, VRRP carries on untouched.</summary>
[Collection(NetnsCollection.Name)]
public class WebhookReloadTests
{
    private const int NewHookPort = NotifyLab.HookPort + 1;
    private static readonly string[] Ab = ["a", "b"];
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Reload_ChangedWebhookUrl_NextEventGoesToNewUrlWithoutStateChange()
    {
        await using var lab = await NotifyLab.CreateAsync("a", "b");
        await lab.StartHookAsync("a");
        await lab.StartHookAsync("b");
        await lab.StartHookAsync("b", NewHookPort);
        var a = lab.StartVigil("a", NodeConf.Text("a", 150, lab.NotifyScript("a"), null, NotifyLab.HookPort));
        await lab.WaitForHoldersAsync(Ab, ["a"], Settle);
        var b = lab.StartVigil("b", NodeConf.Text("b", 100, lab.NotifyScript("b"), null, NotifyLab.HookPort));
        var before = await lab.WaitForRowAsync("b", r => (string?)r["state"] == "BACKUP" && (long)r["adverts_received"]! > 0, Settle);
        Assert.True(await Wait.UntilAsync(() => lab.Payloads("b", NotifyLab.HookPort).Length == 1, 3));

        await File.WriteAllTextAsync(lab.ConfFile("b"), NodeConf.Text("b", 100, lab.NotifyScript("b"), null, NewHookPort));
        b.Signal(1);

        Assert.True(await Wait.UntilAsync(() => b.Stdout.Contains("Configuration reloaded from", StringComparison.Ordinal), 5), b.Stdout + b.Stderr);
        var after = await lab.WaitForRowAsync("b", r => (string?)r["state"] == "BACKUP", TimeSpan.FromSeconds(1));
        Assert.Equal((string?)before["last_transition"], (string?)after["last_transition"]);
        await lab.WaitForHoldersAsync(Ab, ["a"], TimeSpan.FromSeconds(1));
        Assert.Empty(lab.Payloads("b", NewHookPort));

        await a.StopAsync(TimeSpan.FromSeconds(3));
        await lab.WaitForHoldersAsync(Ab, ["b"], TimeSpan.FromSeconds(3));

        Assert.True(await Wait.UntilAsync(() => lab.Payloads("b", NewHookPort).Length >= 1, 3));
        await Task.Delay(300);
        Assert.Equal(["MASTER"], lab.Payloads("b", NewHookPort).Select(p => (string?)p["new_state"]));
        Assert.Equal(["BACKUP"], lab.Payloads("b", NotifyLab.HookPort).Select(p => (string?)p["new_state"]));
        Assert.Equal(["backup", "master"], lab.NotifiedStates("b"));
    }
}
