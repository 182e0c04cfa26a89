using Vigil.Abstractions.Events;
using Vigil.Notify.Tests.Support;

namespace Vigil.Notify.Tests.Channels;

/// <summary>notify_fifo with its reader script, as keepalived runs them.</summary>
public sealed class FifoNotifyTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Fact]
    public async Task NotifyFifo_WritesKeepalivedLinesToItsReaderScript()
    {
        var lines = _dir.File("lines");
        var reader = _dir.Script("reader.sh", $"while IFS= read -r line; do printf '%s\\n' \"$line\" >> {lines}; done < \"$1\"");
        await using var harness = await NotifyHarness.StartAsync(TestConfig.Build(
            ("global_defs:notify_fifo", _dir.File("fifo")),
            ("global_defs:notify_fifo_script", reader)));

        harness.Bus.Publish(Events.Vrrp("VI_1", VrrpState.Backup, VrrpState.Master, priority: 150));
        harness.Bus.Publish(new VrrpSyncGroupStateChanged("G1", VrrpState.Backup, VrrpState.Master, "") { Source = "vrrp" });
        harness.Bus.Publish(Events.RealServer("10.1.0.93 80", "10.1.0.69 80", up: true));
        harness.Bus.Publish(Events.Vrrp("evil\nINSTANCE \"VI_9\" MASTER 255", VrrpState.Backup, VrrpState.Fault));

        Assert.True(await Wait.UntilAsync(() => File.Exists(lines) && File.ReadAllLines(lines).Length == 4));
        var written = File.ReadAllLines(lines);
        Assert.Contains("INSTANCE \"VI_1\" MASTER 150", written);
        Assert.Contains("GROUP \"G1\" MASTER 0", written);
        Assert.Contains("RS [10.1.0.69]:tcp:80 [10.1.0.93]:tcp:80 UP", written);
        Assert.Contains("INSTANCE \"evil INSTANCE \"VI_9\" MASTER 255\" FAULT 100", written);
    }

    public void Dispose() => _dir.Dispose();
}
