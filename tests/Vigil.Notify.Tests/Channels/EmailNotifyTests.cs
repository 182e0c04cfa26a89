using Vigil.Abstractions.Events;
using Vigil.Notify.Tests.Support;

namespace Vigil.Notify.Tests.Channels;

/// <summary>smtp_alert mails delivered to a real SMTP server (aiosmtpd) started by the test.</summary>
public sealed class EmailNotifyTests
{
    [Fact]
    public async Task SmtpAlert_VrrpTransition_SendsKeepalivedsMail()
    {
        using var smtp = new SmtpReceiver();
        await using var harness = await NotifyHarness.StartAsync(TestConfig.Build(
            ("global_defs:notification_email:0", "root@localhost"),
            ("global_defs:notification_email:1", "ops@example.com"),
            ("global_defs:notification_email_from", "keepalived@localhost"),
            ("global_defs:smtp_server", $"127.0.0.1 {smtp.Port}"),
            ("global_defs:smtp_connect_timeout", "5"),
            ("global_defs:smtp_helo_name", "vigil-test"),
            ("global_defs:router_id", "node1"),
            ("vrrp_instance:0:name", "VI_1"),
            ("vrrp_instance:0:smtp_alert", "true")));

        harness.Bus.Publish(Events.Vrrp("VI_1", VrrpState.Backup, VrrpState.Master));

        Assert.True(await Wait.UntilAsync(() => smtp.Received.Contains("=====", StringComparison.Ordinal), 15), harness.Status().ToJsonString());
        var mail = smtp.Received;
        Assert.Contains("HELO vigil-test", mail);
        Assert.Contains("MAIL FROM keepalived@localhost", mail);
        Assert.Contains("RCPT TO root@localhost,ops@example.com", mail);
        Assert.Contains("Subject: [node1] VRRP Instance VI_1 - Entering MASTER state", mail);
        Assert.Contains("X-Mailer: Keepalived", mail);
        Assert.Contains("=> VRRP Instance is now owning VRRP VIPs <=", mail);
    }

    [Fact]
    public async Task GlobalSmtpAlert_RealServerDown_SendsMail()
    {
        using var smtp = new SmtpReceiver();
        await using var harness = await NotifyHarness.StartAsync(TestConfig.Build(
            ("global_defs:notification_email:0", "root@localhost"),
            ("global_defs:smtp_server", $"127.0.0.1 {smtp.Port}"),
            ("global_defs:smtp_alert", "true"),
            ("global_defs:router_id", "node1"),
            ("virtual_server:0:name", "10.1.0.93 80"),
            ("virtual_server:0:real_server:0:name", "10.1.0.69 80")));

        harness.Bus.Publish(Events.RealServer("10.1.0.93 80", "10.1.0.69 80", up: false));

        Assert.True(await Wait.UntilAsync(() => smtp.Received.Contains("=====", StringComparison.Ordinal), 15));
        Assert.Contains("Subject: [node1] Realserver [10.1.0.69]:tcp:80 of virtual server [10.1.0.93]:tcp:80 - DOWN", smtp.Received);
        Assert.Contains("=> TCP CHECK failed on service <=", smtp.Received);
    }

    [Fact]
    public async Task UnreachableSmtpServer_IsRetriedThenCountedAndShown()
    {
        var port = SmtpReceiver.FreePort();
        await using var harness = await NotifyHarness.StartAsync(TestConfig.Build(
            ("global_defs:notification_email:0", "root@localhost"),
            ("global_defs:smtp_server", $"127.0.0.1 {port}"),
            ("global_defs:smtp_connect_timeout", "2"),
            ("notify_options:retries", "2"),
            ("notify_options:retry_backoff", "100ms"),
            ("vrrp_instance:0:name", "VI_1"),
            ("vrrp_instance:0:smtp_alert", "true")));

        harness.Bus.Publish(Events.Vrrp("VI_1", VrrpState.Backup, VrrpState.Master));

        Assert.True(await Wait.UntilAsync(() => (long?)harness.Status()["failed"] == 1, 15));
        var row = harness.Status()["rows"]![0]!;
        Assert.Equal("email", (string?)row["channel"]);
        Assert.Equal(3, (int?)row["attempts"]);
        Assert.Contains($"127.0.0.1:{port}", (string?)row["error"]);
    }
}
