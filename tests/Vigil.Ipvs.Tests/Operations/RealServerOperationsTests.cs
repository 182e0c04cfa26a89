using Microsoft.Extensions.Time.Testing;
using Vigil.Abstractions.Operations;
using Vigil.Abstractions.State;
using Vigil.Ipvs.Tests.Engine;
using Vigil.Plugins.Ipvs.DataPlanes;
using Vigil.Plugins.Ipvs.Engine;
using Vigil.Plugins.Ipvs.Operations;
using static Vigil.Ipvs.Tests.Engine.Defs;

namespace Vigil.Ipvs.Tests.Operations;

public sealed class RealServerOperationsTests
{
    [Fact]
    public async Task Drain_SetsWeightZero_IsIdempotent_AndEnableRestoresIt()
    {
        await using var h = new ControllerHarness();
        await h.StartAsync(Seedlike());
        var store = new OverrideStore(h.State, null);
        var drain = new RealServerDrainOperation(h.Controller, store, TimeProvider.System);
        var first = await drain.ExecuteAsync(Args(("vs", Vs()), ("rs", Rs("10.1.0.69:80"))), CancellationToken.None);
        var again = await drain.ExecuteAsync(Args(("vs", Vs()), ("rs", Rs("10.1.0.69:80"))), CancellationToken.None);
        Assert.True(first.Done);
        Assert.True(again.Done);
        Assert.Equal(0, h.Plane.Applied[^1][0].Backends[0].Weight);
        var enable = new RealServerEnableOperation(h.Controller, store);
        var enabled = await enable.ExecuteAsync(Args(("vs", Vs()), ("rs", Rs("10.1.0.69:80"))), CancellationToken.None);
        Assert.True((bool)enabled.Data!["changed"]!);
        await ControllerHarness.EventuallyAsync(() => h.Plane.Applied[^1][0].Backends[0].Weight == 1, "the server back in rotation");
        Assert.False((bool)(await enable.ExecuteAsync(Args(("vs", Vs()), ("rs", Rs("10.1.0.69:80"))), CancellationToken.None)).Data!["changed"]!);
    }

    [Fact]
    public async Task DrainWait_ReturnsWhenNoConnectionIsActive()
    {
        await using var h = new ControllerHarness();
        await h.StartAsync(Seedlike());
        var rs = Rs("10.1.0.69:80");
        h.Plane.Counters = [new BackendCounters(Vs(), rs, 2, 0, 5, 0, 0, 0, 0)];
        var drain = new RealServerDrainOperation(h.Controller, new OverrideStore(h.State, null), TimeProvider.System);
        var task = drain.ExecuteAsync(Args(("vs", Vs()), ("rs", Rs("10.1.0.69")), ("wait", true)), CancellationToken.None);
        await Task.Delay(500);
        Assert.False(task.IsCompleted);
        h.Plane.Counters = [new BackendCounters(Vs(), rs, 0, 1, 5, 0, 0, 0, 0)];
        var result = await task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(result.Done);
        Assert.Equal(0, (long)result.Data!["active"]!);
    }

    [Fact]
    public async Task DrainWait_TimesOut_Refused_AndTheServerStaysDrained()
    {
        await using var h = new ControllerHarness();
        await h.StartAsync(Seedlike());
        var rs = Rs("10.1.0.69:80");
        h.Plane.Counters = [new BackendCounters(Vs(), rs, 3, 0, 5, 0, 0, 0, 0)];
        var store = new OverrideStore(h.State, null);
        var drain = new RealServerDrainOperation(h.Controller, store, TimeProvider.System);
        var result = await drain.ExecuteAsync(Args(("vs", Vs()), ("rs", rs), ("wait", true), ("timeout", TimeSpan.FromMilliseconds(600))), CancellationToken.None);
        Assert.False(result.Done);
        Assert.Equal("10.1.0.69:80 is drained but still has 3 active connections; it stays drained", result.Reason);
        Assert.True(store.Get(Vs(), rs)!.Drained);
    }

    [Fact]
    public async Task UnknownServers_AreRefusedWithAReason()
    {
        await using var h = new ControllerHarness();
        await h.StartAsync(Seedlike());
        var drain = new RealServerDrainOperation(h.Controller, new OverrideStore(h.State, null), TimeProvider.System);
        Assert.Equal("no virtual server 10.9.9.9:80/tcp is configured", (await drain.ExecuteAsync(Args(("vs", Vs("10.9.9.9:80")), ("rs", Rs("10.1.0.69:80"))), CancellationToken.None)).Reason);
        Assert.Equal("virtual server 10.1.0.93:80/tcp has no real server 10.1.0.99:80", (await drain.ExecuteAsync(Args(("vs", Vs()), ("rs", Rs("10.1.0.99:80"))), CancellationToken.None)).Reason);
    }

    [Fact]
    public async Task Weight_OutOfRange_IsRefused_AndInRange_IsProgrammed()
    {
        await using var h = new ControllerHarness();
        await h.StartAsync(Seedlike());
        var weight = new RealServerWeightOperation(h.Controller, new OverrideStore(h.State, null));
        Assert.Equal("weight 70000 is out of range 0-65535", (await weight.ExecuteAsync(Args(("vs", Vs()), ("rs", Rs("10.1.0.71:80")), ("weight", 70000L)), CancellationToken.None)).Reason);
        Assert.True((await weight.ExecuteAsync(Args(("vs", Vs()), ("rs", Rs("10.1.0.71:80")), ("weight", 7L)), CancellationToken.None)).Done);
        await ControllerHarness.EventuallyAsync(() => h.Plane.Applied[^1][0].Backends[1].Weight == 7, "the new weight");
    }

    [Fact]
    public async Task List_ShowsEveryRealServerWithCountersAndReasons()
    {
        await using var h = new ControllerHarness();
        await h.StartAsync(Seedlike());
        var counters = new CounterCache();
        counters.Update([new BackendCounters(Vs(), Rs("10.1.0.71:80"), 4, 1, 9, 0, 0, 0, 0)]);
        var list = await new RealServerListOperation(h.Controller, counters).ExecuteAsync(Args(), CancellationToken.None);
        var rows = list.Data!["rows"]!.AsArray();
        Assert.Equal(3, rows.Count);
        var row = rows[1]!.AsObject();
        Assert.Equal("10.1.0.71:80", (string?)row["rs"]);
        Assert.Equal("up", (string?)row["state"]);
        Assert.Equal(4, (long)row["active"]!);
        Assert.Equal(1, (long)row["inactive"]!);
        Assert.False((await new RealServerListOperation(h.Controller, counters).ExecuteAsync(Args(("vs", Vs("10.9.9.9:80"))), CancellationToken.None)).Done);
    }

    [Fact]
    public async Task Descriptors_DeclareTheRsCommands()
    {
        await using var h = new ControllerHarness();
        var store = new OverrideStore(h.State, null);
        IOperation[] ops =
        [
            new RealServerDrainOperation(h.Controller, store, new FakeTimeProvider()),
            new RealServerEnableOperation(h.Controller, store),
            new RealServerWeightOperation(h.Controller, store),
            new RealServerListOperation(h.Controller, new CounterCache()),
        ];
        Assert.Equal(["rs drain", "rs enable", "rs weight", "rs list"], ops.Select(o => string.Join(' ', o.Descriptor.Command!)));
    }

    private static OperationArguments Args(params (string Name, object Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => v.Value));
}
