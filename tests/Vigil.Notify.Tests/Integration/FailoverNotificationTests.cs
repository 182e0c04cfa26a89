using System.Text.Json.Nodes;
using Vigil.Notify.Tests.Support;

namespace Vigil.Notify.Tests.Integration;

/// <summary>
/// The notify acceptance test: two real <c>vigil run</c> nodes in namespaces, each with the seed's notify.sh, its own
/// aiosmtpd and its own HTTP receiver, go through a full failover and back.
/// </summary>
[Collection(NetnsCollection.Name)]
public class FailoverNotificationTests
{
    private static readonly string[] Ab = ["a", "b"];
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Failover_GracefulStopAndPreempt_SeedScriptsMailsAndWebhooksOncePerTransitionInOrder()
    {
        await using var lab = await NotifyLab.CreateAsync("a", "b");
        foreach (var role in Ab)
        {
            await lab.StartSmtpAsync(role);
            await lab.StartHookAsync(role);
        }

        string Conf(string role, int priority) => NodeConf.Text(role, priority, lab.NotifyScript(role), NotifyLab.SmtpPort, NotifyLab.HookPort);
        var a = lab.StartVigil("a", Conf("a", 150));
        await lab.WaitForHoldersAsync(Ab, ["a"], Settle);
        lab.StartVigil("b", Conf("b", 100));
        await lab.WaitForRowAsync("b", r => (string?)r["state"] == "BACKUP" && (long)r["adverts_received"]! > 0, Settle);

        await a.StopAsync(TimeSpan.FromSeconds(3));
        await lab.WaitForHoldersAsync(Ab, ["b"], TimeSpan.FromSeconds(3));
        lab.StartVigil("a", Conf("a", 150));
        await lab.WaitForHoldersAsync(Ab, ["a"], Settle);
        await lab.WaitForRowAsync("b", r => (string?)r["state"] == "BACKUP", TimeSpan.FromSeconds(2));

        // keepalived's sequence: both start in BACKUP (state BACKUP), A wins the election, B takes over when A stops
        // (notify_stop is not configured, so A's script is not called then), and the restarted A enters BACKUP and preempts.
        string[] scriptsA = ["backup", "master", "backup", "master"];
        string[] scriptsB = ["backup", "master", "backup"];
        string[] statesA = ["BACKUP", "MASTER", "STOP", "BACKUP", "MASTER"];
        string[] statesB = ["BACKUP", "MASTER", "BACKUP"];
        await Wait.UntilAsync(() =>
            lab.NotifiedStates("a").Length >= scriptsA.Length && lab.NotifiedStates("b").Length >= scriptsB.Length
            && lab.MailSubjects("a").Length >= statesA.Length && lab.MailSubjects("b").Length >= statesB.Length
            && lab.Payloads("a", NotifyLab.HookPort).Length >= statesA.Length && lab.Payloads("b", NotifyLab.HookPort).Length >= statesB.Length);

        // A second run of any script, mail or webhook (a module other than notify also acting on the event) lands within this.
        await Task.Delay(500);
        Assert.Equal(scriptsA, lab.NotifiedStates("a"));
        Assert.Equal(scriptsB, lab.NotifiedStates("b"));
        Assert.Equal(statesB.Select(s => $"[node-b] VRRP Instance VI_1 - Entering {s} state"), lab.MailSubjects("b"));
        Assert.Equal(statesA.Select(s => s == "STOP" ? "[node-a] VRRP Instance VI_1 - Stopping" : $"[node-a] VRRP Instance VI_1 - Entering {s} state"), lab.MailSubjects("a"));
        AssertKeepalivedMail(lab.Mail("b"));
        AssertPayloads(lab.Payloads("a", NotifyLab.HookPort), "node-a", statesA, ["INIT", "BACKUP", "MASTER", "INIT", "BACKUP"]);
        AssertPayloads(lab.Payloads("b", NotifyLab.HookPort), "node-b", statesB, ["INIT", "BACKUP", "MASTER"]);
    }

    private static void AssertKeepalivedMail(string mail)
    {
        Assert.Contains("HELO ", mail);
        Assert.Contains("MAIL FROM keepalived@node-b\r\n", mail);
        Assert.Contains("RCPT TO root@localhost\r\n", mail);
        Assert.Contains("X-Mailer: Keepalived\r\n", mail);
        Assert.Contains("=> VRRP Instance is now owning VRRP VIPs <=", mail);
        Assert.Contains("=> VRRP Instance is no longer owning VRRP VIPs <=", mail);
    }

    private static void AssertPayloads(JsonNode[] payloads, string routerId, string[] states, string[] oldStates)
    {
        Assert.Equal(states, payloads.Select(p => (string?)p["new_state"]));
        Assert.Equal(oldStates, payloads.Select(p => (string?)p["old_state"]));
        Assert.All(payloads, p =>
        {
            Assert.Equal("vrrp_instance", (string?)p["event"]);
            Assert.Equal("VI_1", (string?)p["instance"]);
            Assert.Equal("vrrp", (string?)p["module"]);
            Assert.Equal(routerId, (string?)p["router_id"]);
        });
    }
}
