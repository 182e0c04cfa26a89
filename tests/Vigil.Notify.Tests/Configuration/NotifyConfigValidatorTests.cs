using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Notifications;
using Vigil.Notify.Tests.Support;
using Vigil.Plugins.Notify.Configuration;

namespace Vigil.Notify.Tests.Configuration;

public sealed class NotifyConfigValidatorTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public void Validate_SeedConfiguration_HasNoErrors()
    {
        var report = Validate(
            ("global_defs:notification_email:0", "root@localhost"),
            ("global_defs:notification_email_from", "keepalived@localhost"),
            ("global_defs:smtp_server", "127.0.0.1"),
            ("global_defs:smtp_connect_timeout", "30"),
            ("global_defs:router_id", "node1"),
            ("vrrp_instance:0:name", "VI_1"),
            ("vrrp_instance:0:notify_master", "/etc/keepalived/notify.sh master"),
            ("vrrp_instance:0:notify_backup", "/etc/keepalived/notify.sh backup"),
            ("vrrp_instance:0:notify_fault", "/etc/keepalived/notify.sh fault"));

        Assert.False(report.HasErrors, string.Join("\n", report.Issues));
    }

    [Fact]
    public void Validate_WebhookPayloadSyntaxError_ReportsFileLineAndBlock()
    {
        var report = Validate(
            ("notify_webhook:0:name", "hook1"),
            ("notify_webhook:0:url", "http://127.0.0.1:9/x"),
            ("notify_webhook:0:payload", "{\"name\": \"{{ name }\"}"));

        var issue = Assert.Single(report.Issues);
        Assert.Equal(ConfigSeverity.Error, issue.Severity);
        Assert.StartsWith("test.conf:3: error: template error in notify_webhook hook1: ", issue.ToString());
    }

    [Fact]
    public void Validate_TemplateWithUnknownName_ReportsAtCheckTime()
    {
        var report = Validate(
            ("notify_template:0:name", "mine"),
            ("notify_template:0:subject", "{{ instanse }} is {{ new_state }}"));

        var issue = Assert.Single(report.Issues);
        Assert.StartsWith("test.conf:2: error: template error in notify_template mine: ", issue.ToString());
        Assert.Contains("instanse", issue.Message);
    }

    [Fact]
    public void Validate_BadArgumentsTemplateInRule_IsReported()
    {
        var script = _dir.Script("n.sh", "exit 0");
        var report = Validate(
            ("notify_rule:0:name", "r1"),
            ("notify_rule:0:channel", "script"),
            ("notify_rule:0:script", script),
            ("notify_rule:0:arguments", "{{ name }} {{ for }}"));

        Assert.Contains(report.Issues, i => i.ToString().StartsWith("test.conf:4: error: template error in notify_rule r1: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownChannelAndWebhook_ListKnownOnes()
    {
        var report = Validate(
            ("notify_rule:0:name", "r1"),
            ("notify_rule:0:channel", "pager webhook:nope"));

        Assert.Contains(report.Issues, i => i.Message == "unknown channel 'pager' in notify_rule r1 (known: email, fifo, script, webhook:NAME)");
        Assert.Contains(report.Issues, i => i.Message == "unknown notify_webhook 'nope' in notify_rule r1 (none defined)");
    }

    [Fact]
    public void Validate_UnclosedQuoteInNotifyLine_IsAnError()
    {
        var report = Validate(("vrrp_instance:0:name", "VI_1"), ("vrrp_instance:0:notify", "/bin/true 'oops"));

        Assert.Contains(report.Issues, i => i.Severity == ConfigSeverity.Error && i.Message.Contains("for notify in vrrp_instance VI_1", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ScriptSecurityWithWorldWritableDirectory_RefusesNamingThePath()
    {
        var script = _dir.Script("notify.sh", "exit 0");
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)Convert.ToInt32("777", 8));

        var report = Validate(
            ("global_defs:enable_script_security", "true"),
            ("vrrp_instance:0:name", "VI_1"),
            ("vrrp_instance:0:notify_master", script + " master"));

        var issue = Assert.Single(report.Issues);
        Assert.Equal($"test.conf:3: error: notify_master script refused in vrrp_instance VI_1: directory {_dir.Path} is writable by others (enable_script_security)", issue.ToString());
    }

    [Fact]
    public void Validate_BadSmtpServerAndRate_AreErrors()
    {
        var report = Validate(
            ("global_defs:smtp_server", "127.0.0.1 99999"),
            ("notify_rule:0:name", "r1"),
            ("notify_rule:0:channel", "fifo"),
            ("notify_rule:0:fifo", "/tmp/x"),
            ("notify_rule:0:rate_limit", "ten"));

        Assert.Contains(report.Issues, i => i.Message == "smtp_server '127.0.0.1 99999' is not 'HOST [PORT]' in global_defs");
        Assert.Contains(report.Issues, i => i.Message.StartsWith("rate_limit 'ten' is not COUNT/DURATION", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_BadFlagCountAndDuration_UseTheSharedReadersMessages()
    {
        var report = Validate(
            ("global_defs:smtp_alert", "sometimes"),
            ("notify_options:retries", "500"),
            ("notify_options:script_timeout", "forever"));

        Assert.Contains(report.Issues, i => i.Message == "invalid smtp_alert 'sometimes' in global_defs (expected yes or no)");
        Assert.Contains(report.Issues, i => i.Message == "retries 500 out of range 0-100 in notify_options");
        Assert.Contains(report.Issues, i => i.Message == "invalid script_timeout 'forever' in notify_options: not a duration (5, 0.5, 500ms, 2m, 1h)");
    }

    public void Dispose() => _dir.Dispose();

    private static ValidationReport Validate(params (string, string)[] entries)
    {
        var channels = new INotificationChannel[] { new FakeChannel("script"), new FakeChannel("email"), new FakeChannel("webhook"), new FakeChannel("fifo") };
        return TestConfig.Validate(TestConfig.Build(entries), new NotifyConfigValidator(channels));
    }

    private sealed class FakeChannel(string name) : INotificationChannel
    {
        public string Name => name;

        public Task SendAsync(Notification notification, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
