using System.Diagnostics;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.VirtualServers;
using Vigil.Notify.Tests.Support;

namespace Vigil.Notify.Tests.Channels;

/// <summary>keepalived's notify scripts end to end: events on the host's bus, real scripts run by the host's ScriptRunner.</summary>
public sealed class ScriptNotifyTests : IDisposable
{
    private const string HostileName = "VI \"1\"; touch PWNED; $(touch PWNED) `touch PWNED`\nrm -rf /";
    private readonly TempDir _dir = new();

    [Fact]
    public async Task NotifyMasterBackup_SeedLines_RunWithTheirWordInOrder()
    {
        var output = _dir.File("out");
        var script = _dir.RecordingScript("notify.sh", output);
        await using var harness = await NotifyHarness.StartAsync(TestConfig.Build(
            ("vrrp_instance:0:name", "VI_1"),
            ("vrrp_instance:0:notify_master", $"{script} master"),
            ("vrrp_instance:0:notify_backup", $"{script} backup"),
            ("vrrp_instance:0:notify_fault", $"{script} fault")));

        harness.Bus.Publish(Events.Vrrp("VI_1", VrrpState.Init, VrrpState.Backup));
        harness.Bus.Publish(Events.Vrrp("VI_1", VrrpState.Backup, VrrpState.Master));
        harness.Bus.Publish(Events.Vrrp("VI_1", VrrpState.Master, VrrpState.Fault));
        harness.Bus.Publish(Events.Vrrp("VI_2", VrrpState.Backup, VrrpState.Master));

        Assert.True(await Wait.UntilAsync(() => Wait.Runs(output).Count == 3));
        await Task.Delay(200);
        Assert.Equal([["backup"], ["master"], ["fault"]], Wait.Runs(output));
    }

    [Fact]
    public async Task GenericNotify_InstanceAndGroup_GetKeepalivedsFourArguments()
    {
        var output = _dir.File("out");
        var script = _dir.RecordingScript("notify.sh", output);
        await using var harness = await NotifyHarness.StartAsync(TestConfig.Build(
            ("vrrp_instance:0:name", "VI_1"),
            ("vrrp_instance:0:notify", script),
            ("vrrp_sync_group:0:name", "G1"),
            ("vrrp_sync_group:0:notify", script)));

        harness.Bus.Publish(Events.Vrrp("VI_1", VrrpState.Backup, VrrpState.Master, priority: 150));
        Assert.True(await Wait.UntilAsync(() => Wait.Runs(output).Count == 1));
        harness.Bus.Publish(new VrrpSyncGroupStateChanged("G1", VrrpState.Master, VrrpState.Backup, "peer") { Source = "vrrp" });
        Assert.True(await Wait.UntilAsync(() => Wait.Runs(output).Count == 2));

        Assert.Equal([["INSTANCE", "VI_1", "MASTER", "150"], ["GROUP", "G1", "BACKUP", "0"]], Wait.Runs(output));
    }

    [Fact]
    public async Task HostileNames_NeverBecomeShellSyntax()
    {
        var output = _dir.File("out");
        var script = _dir.RecordingScript("notify.sh", output);
        await using var harness = await NotifyHarness.StartAsync(TestConfig.Build(
            ("vrrp_instance:0:name", HostileName),
            ("vrrp_instance:0:notify", script),
            ("vrrp_instance:1:name", "VI_shell"),
            ("vrrp_instance:1:notify", $"[[ -d {_dir.Path} ]] && cd {_dir.Path} && {script} \"$@\""),
            ("notify_rule:0:name", "servers"),
            ("notify_rule:0:events", "real_server"),
            ("notify_rule:0:channel", "script"),
            ("notify_rule:0:script", $"cd {_dir.Path} && {script} rs \"$@\""),
            ("notify_rule:0:arguments", "{{ real_server }} {{ reason }} {{ new_state }}")));

        harness.Bus.Publish(Events.Vrrp(HostileName, VrrpState.Backup, VrrpState.Master));
        harness.Bus.Publish(Events.Vrrp("VI_shell", VrrpState.Backup, VrrpState.Master) with { Reason = HostileName });
        harness.Bus.Publish(Events.RealServer("10.0.0.1 80", "10.0.0.2 80", up: false, reason: "$(touch PWNED); `touch PWNED`"));

        Assert.True(await Wait.UntilAsync(() => Wait.Runs(output).Count == 3));
        var runs = Wait.Runs(output);
        Assert.Contains(["INSTANCE", HostileName, "MASTER", "100"], runs);
        Assert.Contains(["INSTANCE", "VI_shell", "MASTER", "100"], runs);
        Assert.Contains(["rs", "10.0.0.2:80", "$(touch PWNED); `touch PWNED`", "DOWN"], runs);
        Assert.False(File.Exists(_dir.File("PWNED")));
        Assert.False(File.Exists("/PWNED"));
    }

    [Fact]
    public async Task RealServerAndQuorumEvents_RunNotifyUpDownAndQuorumScripts()
    {
        var output = _dir.File("out");
        var script = _dir.RecordingScript("notify.sh", output);
        await using var harness = await NotifyHarness.StartAsync(TestConfig.Build(
            ("virtual_server:0:name", "10.1.0.93 80"),
            ("virtual_server:0:quorum_up", $"{script} quorum_up"),
            ("virtual_server:0:quorum_down", $"{script} quorum_down"),
            ("virtual_server:0:real_server:0:name", "10.1.0.69 80"),
            ("virtual_server:0:real_server:0:notify_up", $"{script} up"),
            ("virtual_server:0:real_server:0:notify_down", $"{script} down")));

        harness.Bus.Publish(Events.RealServer("10.1.0.93 80", "10.1.0.69 80", up: false));
        Assert.True(await Wait.UntilAsync(() => Wait.Runs(output).Count == 1));
        harness.Bus.Publish(new VirtualServerQuorumChanged(VirtualServerKey.Parse("10.1.0.93 80"), false, 0, 1) { Source = "ipvs" });
        Assert.True(await Wait.UntilAsync(() => Wait.Runs(output).Count == 2));
        harness.Bus.Publish(Events.RealServer("10.1.0.93 80", "10.1.0.69 80", up: true));
        Assert.True(await Wait.UntilAsync(() => Wait.Runs(output).Count == 3));
        harness.Bus.Publish(Events.RealServer("10.1.0.93 80", "10.1.0.70 80", up: true));
        await Task.Delay(300);

        Assert.Equal([["down"], ["quorum_down"], ["up"]], Wait.Runs(output));
    }

    [Fact]
    public async Task HungScript_IsKilledAtTimeout_WithoutDelayingTheBusOrOtherHandlers()
    {
        var output = _dir.File("out");
        var pidFile = _dir.File("pid");
        var hang = _dir.Script("hang.sh", $"sleep 300 &\necho $! > {pidFile}\nsleep 300");
        var quick = _dir.RecordingScript("quick.sh", output);
        await using var harness = await NotifyHarness.StartAsync(TestConfig.Build(
            ("notify_options:script_timeout", "1"),
            ("vrrp_instance:0:name", "VI_hang"),
            ("vrrp_instance:0:notify_master", hang),
            ("vrrp_instance:1:name", "VI_quick"),
            ("vrrp_instance:1:notify_master", $"{quick} master")));

        var clock = Stopwatch.StartNew();
        harness.Bus.Publish(Events.Vrrp("VI_hang", VrrpState.Backup, VrrpState.Master));
        harness.Bus.Publish(Events.Vrrp("VI_quick", VrrpState.Backup, VrrpState.Master));
        Assert.True(clock.ElapsedMilliseconds < 100, "publishing waited on a notification");

        Assert.True(await Wait.UntilAsync(() => Wait.Runs(output).Count == 1, 5));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "a hung script delayed another handler");
        Assert.True(await Wait.UntilAsync(() => (long?)harness.Status()["failed"] == 1, 10));
        var row = harness.Status()["rows"]![0]!;
        Assert.Equal("vrrp_instance VI_hang notify_master", (string?)row["handler"]);
        Assert.Contains("timed out after 1 s", (string?)row["error"]);
        var child = File.ReadAllText(pidFile).Trim();
        Assert.True(await Wait.UntilAsync(() => !Directory.Exists($"/proc/{child}") || File.ReadAllText($"/proc/{child}/stat").Contains(") Z ", StringComparison.Ordinal), 5));
    }

    [Fact]
    public async Task FailingScript_IsLoggedCountedAndShownInStatus()
    {
        var script = _dir.Script("fail.sh", "echo broken >&2; exit 4");
        await using var harness = await NotifyHarness.StartAsync(TestConfig.Build(
            ("vrrp_instance:0:name", "VI_1"),
            ("vrrp_instance:0:notify_fault", script)));

        harness.Bus.Publish(Events.Vrrp("VI_1", VrrpState.Master, VrrpState.Fault));

        Assert.True(await Wait.UntilAsync(() => (long?)harness.Status()["failed"] == 1));
        Assert.Equal("exited with code 4: broken", (string?)harness.Status()["rows"]![0]!["error"]);
    }

    public void Dispose() => _dir.Dispose();
}
