using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.State;
using Vigil.Checkers.Tests.Support;

namespace Vigil.Checkers.Tests.Engine;

public sealed class HealthEngineTests
{
    private static readonly (string, string)[] Fast = [("warmup", "0"), ("delay_loop", "10"), ("delay_before_retry", "1")];

    [Fact]
    public async Task FirstStateIsWrittenUpWithoutAnEvent()
    {
        await using var h = new EngineHarness();
        h.Apply(EngineHarness.One("a", Fast));
        await h.SettleAsync();

        var health = Assert.Single(h.State.HealthWrites);
        Assert.Equal(new RealServerHealth(EngineHarness.Vs, EngineHarness.Rs1, true, 1, "FAKE_CHECK", "not checked yet"), health);
        Assert.Empty(h.Bus.Changes);
        Assert.Equal(1, h.Checker["a"].Probes);
    }

    [Fact]
    public async Task ProbesEveryDelayLoop()
    {
        await using var h = new EngineHarness();
        h.Apply(EngineHarness.One("a", Fast));
        await h.AdvanceAsync(9.9);
        Assert.Equal(1, h.Checker["a"].Probes);
        await h.AdvanceAsync(0.1);
        Assert.Equal(2, h.Checker["a"].Probes);
        await h.AdvanceAsync(10);
        Assert.Equal(3, h.Checker["a"].Probes);
    }

    [Fact]
    public async Task FailureCountsOnlyAfterRetryFurtherFailuresDelayBeforeRetryApart()
    {
        await using var h = new EngineHarness();
        var check = h.Checker["a"];
        check.Healthy = false;
        h.Apply(EngineHarness.One("a", [.. Fast, ("retry", "2")]));
        await h.SettleAsync();
        Assert.Equal(1, check.Probes);
        Assert.True(h.Health(EngineHarness.Rs1)!.Up);

        await h.AdvanceAsync(1);
        Assert.Equal(2, check.Probes);
        Assert.True(h.Health(EngineHarness.Rs1)!.Up);

        await h.AdvanceAsync(1);
        Assert.Equal(3, check.Probes);
        var down = h.Health(EngineHarness.Rs1)!;
        Assert.False(down.Up);
        Assert.Equal("connection refused", down.Reason);

        // Counted: back to delay_loop.
        await h.AdvanceAsync(9);
        Assert.Equal(3, check.Probes);
        await h.AdvanceAsync(1);
        Assert.Equal(4, check.Probes);

        var change = Assert.Single(h.Bus.Changes);
        Assert.False(change.Up);
        Assert.Equal("FAKE_CHECK", change.Checker);
        Assert.Equal("connection refused", change.Reason);
        Assert.Equal("checkers", change.Source);
    }

    [Fact]
    public async Task RetryDefaultsToTheCheckersOne()
    {
        await using var h = new EngineHarness();
        var check = h.Checker["a"];
        check.Healthy = false;
        h.Apply(EngineHarness.One("a", Fast));
        await h.SettleAsync();
        Assert.True(h.Health(EngineHarness.Rs1)!.Up);
        await h.AdvanceAsync(1);
        Assert.False(h.Health(EngineHarness.Rs1)!.Up);
        Assert.Equal(2, check.Probes);
    }

    [Fact]
    public async Task OneSuccessBringsTheServerBackWithOneEvent()
    {
        await using var h = new EngineHarness();
        var check = h.Checker["a"];
        check.Healthy = false;
        h.Apply(EngineHarness.One("a", [.. Fast, ("retry", "0")]));
        await h.SettleAsync();
        Assert.False(h.Health(EngineHarness.Rs1)!.Up);

        check.Healthy = true;
        await h.AdvanceAsync(10);
        var up = h.Health(EngineHarness.Rs1)!;
        Assert.True(up.Up);
        Assert.Equal("ok", up.Reason);
        Assert.Equal([false, true], h.Bus.Changes.Select(c => c.Up));
    }

    [Fact]
    public async Task AlphaStartsDownUntilACheckPasses()
    {
        await using var h = new EngineHarness();
        var check = h.Checker["a"];
        check.Healthy = false;
        h.Apply(EngineHarness.One("a", [.. Fast, ("alpha", "true"), ("retry", "0")]));
        await h.SettleAsync();

        var first = h.State.HealthWrites[0];
        Assert.False(first.Up);
        Assert.Equal("alpha: down until a check passes", first.Reason);
        Assert.Empty(h.Bus.Changes);

        check.Healthy = true;
        await h.AdvanceAsync(10);
        Assert.True(h.Health(EngineHarness.Rs1)!.Up);
        Assert.True(Assert.Single(h.Bus.Changes).Up);
    }

    [Fact]
    public async Task AlphaIsInheritedFromTheVirtualServer()
    {
        await using var h = new EngineHarness();
        h.Checker["a"].Hold = new TaskCompletionSource();
        h.Apply(EngineHarness.Config([("alpha", "true")], [("FAKE_CHECK:id", "a"), ("FAKE_CHECK:warmup", "0")]));
        await Eventually.TrueAsync(() => h.Checker["a"].Probes == 1, "the first probe");
        Assert.False(h.Health(EngineHarness.Rs1)!.Up);
        h.Checker["a"].Hold!.SetResult();
    }

    [Fact]
    public async Task InitialNotifiesAnnounceTheFirstState()
    {
        await using var h = new EngineHarness();
        var config = EngineHarness.Config([], [("FAKE_CHECK:id", "a"), ("FAKE_CHECK:warmup", "0")]);
        config = TreeConfig.Build(config.Root.AsEnumerable().Where(p => p.Value is not null).Append(new("global_defs:rs_init_notifies", "true")));
        h.Apply(config);
        await h.SettleAsync();
        var change = Assert.Single(h.Bus.Changes);
        Assert.True(change.Up);
        Assert.Equal("not checked yet", change.Reason);
    }

    [Fact]
    public async Task WarmupDelaysTheFirstProbeByItsDrawnFraction()
    {
        await using var h = new EngineHarness(warmupFraction: 0.5);
        h.Apply(EngineHarness.One("a", ("warmup", "8"), ("delay_loop", "10")));
        await h.AdvanceAsync(3.9);
        Assert.Equal(0, h.Checker["a"].Probes);
        await h.AdvanceAsync(0.1);
        Assert.Equal(1, h.Checker["a"].Probes);
    }

    [Fact]
    public async Task WarmupDefaultsToDelayLoop()
    {
        await using var h = new EngineHarness(warmupFraction: 1);
        h.Apply(EngineHarness.One("a", ("delay_loop", "6")));
        await h.AdvanceAsync(5.9);
        Assert.Equal(0, h.Checker["a"].Probes);
        await h.AdvanceAsync(0.1);
        Assert.Equal(1, h.Checker["a"].Probes);
    }

    [Fact]
    public async Task ServerIsUpOnlyWhileEveryCheckerPasses()
    {
        await using var h = new EngineHarness();
        var a = h.Checker["a"];
        var b = h.Checker["b"];
        var lines = new[] { ("retry", "0"), ("warmup", "0"), ("delay_loop", "10") };
        h.Apply(EngineHarness.Config(lines, [("FAKE_CHECK:0:id", "a"), ("FAKE_CHECK:1:id", "b")]));
        await h.SettleAsync();
        Assert.True(h.Health(EngineHarness.Rs1)!.Up);

        a.Healthy = false;
        await h.AdvanceAsync(10);
        Assert.False(h.Health(EngineHarness.Rs1)!.Up);

        b.Healthy = false;
        b.Failure = CheckFailureKind.Timeout;
        await h.AdvanceAsync(10);
        a.Healthy = true;
        await h.AdvanceAsync(10);
        var held = h.Health(EngineHarness.Rs1)!;
        Assert.False(held.Up);
        Assert.Equal("timeout", held.Reason);

        b.Healthy = true;
        await h.AdvanceAsync(10);
        Assert.True(h.Health(EngineHarness.Rs1)!.Up);
        Assert.Equal([false, true], h.Bus.Changes.Select(c => c.Up));
        Assert.Equal("connection refused", h.Bus.Changes[0].Reason);
    }

    [Fact]
    public async Task EveryChangeIsWrittenAndPublishedOnce()
    {
        await using var h = new EngineHarness();
        var check = h.Checker["a"];
        h.Apply(EngineHarness.One("a", [.. Fast, ("retry", "0")]));
        bool[] script = [true, false, false, true, true, false, true];
        foreach (var healthy in script)
        {
            check.Healthy = healthy;
            await h.AdvanceAsync(10);
        }

        // Start up, then flips at false, true, false, true.
        Assert.Equal([false, true, false, true], h.Bus.Changes.Select(c => c.Up));
        Assert.Equal([true, false, true, false, true], h.State.HealthWrites.Select(w => w.Up));
    }

    [Fact]
    public async Task DynamicWeightIsWrittenWithoutAnEvent()
    {
        await using var h = new EngineHarness();
        h.Apply(EngineHarness.Config([], [("weight", "5"), ("FAKE_CHECK:id", "a"), ("FAKE_CHECK:warmup", "0"), ("FAKE_CHECK:delay_loop", "10")]));
        await h.SettleAsync();
        Assert.Equal(5, h.Health(EngineHarness.Rs1)!.Weight);
        h.Checker["a"].Weight = 9;
        await h.AdvanceAsync(10);
        Assert.Equal(9, h.Health(EngineHarness.Rs1)!.Weight);
        Assert.Empty(h.Bus.Changes);
    }

    [Fact]
    public async Task ProbeThatNeverEndsTimesOutAtTheEnginesBound()
    {
        await using var h = new EngineHarness();
        var check = h.Checker["a"];
        check.Hold = new TaskCompletionSource();
        h.Apply(EngineHarness.One("a", [.. Fast, ("retry", "0"), ("connect_timeout", "3")]));
        await Eventually.TrueAsync(() => check.Probes == 1, "the first probe");

        // Twice the longer of connect_timeout and delay_loop.
        h.Time.Advance(TimeSpan.FromSeconds(19.9));
        await Task.Delay(50);
        Assert.True(h.Health(EngineHarness.Rs1)!.Up);
        h.Time.Advance(TimeSpan.FromSeconds(0.1));
        await Eventually.TrueAsync(() => h.Health(EngineHarness.Rs1)?.Up == false, "the bound to fail the probe");
        Assert.Equal("timeout", h.Health(EngineHarness.Rs1)!.Reason);
    }

    [Fact]
    public async Task ReloadKeepsUnchangedChecksWithTheirState()
    {
        await using var h = new EngineHarness();
        var a = h.Checker["a"];
        a.Healthy = false;
        var config = EngineHarness.Config([], [("weight", "2"), ("FAKE_CHECK:id", "a"), .. Fast.Select(f => ($"FAKE_CHECK:{f.Item1}", f.Item2)), ("FAKE_CHECK:retry", "0")]);
        h.Apply(config);
        await h.SettleAsync();
        Assert.False(h.Health(EngineHarness.Rs1)!.Up);
        var writes = h.State.Writes.Count;

        h.Apply(config);
        await h.SettleAsync();
        Assert.Single(h.Checker.Created);
        Assert.Equal(1, a.Probes);
        Assert.Equal(writes, h.State.Writes.Count);
        Assert.Equal(0, a.Disposals);

        // The weight changes no probe: the check keeps running, the health carries the new weight.
        var reweighted = TreeConfig.Build(config.Root.AsEnumerable().Where(p => p.Value is not null)
            .Select(p => p.Key.EndsWith(":weight", StringComparison.Ordinal) ? new KeyValuePair<string, string?>(p.Key, "7") : p));
        h.Apply(reweighted);
        await h.SettleAsync();
        Assert.Single(h.Checker.Created);
        Assert.Equal(7, h.Health(EngineHarness.Rs1)!.Weight);
        Assert.False(h.Health(EngineHarness.Rs1)!.Up);
        Assert.Single(h.Bus.Changes);
    }

    [Fact]
    public async Task ReloadRestartsAChangedCheckAndDropsARemovedServer()
    {
        await using var h = new EngineHarness();
        h.Apply(EngineHarness.Config([("warmup", "0")], [("FAKE_CHECK:id", "a")], [("FAKE_CHECK:id", "b")]));
        await h.SettleAsync();
        Assert.Equal(2, h.Checker.Created.Count);

        h.Apply(EngineHarness.Config([("warmup", "0")], [("FAKE_CHECK:id", "a"), ("FAKE_CHECK:connect_timeout", "2")]));
        await h.SettleAsync();
        await Eventually.TrueAsync(() => h.Checker["a"].Disposals == 1 && h.Checker["b"].Disposals == 1, "the old checks to be disposed");
        Assert.Equal(3, h.Checker.Created.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), h.Checker["a"].Settings!.ConnectTimeout);
        Assert.Null(h.Health(EngineHarness.Rs2));
        Assert.Contains(h.State.Writes, w => w.Value is null && w.Id.EndsWith("127.0.0.1:8082", StringComparison.Ordinal));
        Assert.Equal(1, h.Engine.Count);
    }

    [Fact]
    public async Task ReloadAddingAFailingAlphaCheckTakesTheServerDown()
    {
        await using var h = new EngineHarness();
        h.Apply(EngineHarness.Config([("warmup", "0")], [("FAKE_CHECK:0:id", "a")]));
        await h.SettleAsync();
        h.Checker["b"].Hold = new TaskCompletionSource();
        h.Apply(EngineHarness.Config([("warmup", "0")], [("FAKE_CHECK:0:id", "a"), ("FAKE_CHECK:1:id", "b"), ("FAKE_CHECK:1:alpha", "yes")]));
        await Eventually.TrueAsync(() => h.Health(EngineHarness.Rs1)?.Up == false, "the new alpha check to hold the server down");
        var change = Assert.Single(h.Bus.Changes);
        Assert.False(change.Up);
        h.Checker["b"].Hold!.SetResult();
    }

    [Fact]
    public async Task StopDisposesEveryCheckAndAnnouncesOmega()
    {
        var h = new EngineHarness();
        h.Apply(EngineHarness.Config([("warmup", "0"), ("omega", "true")], [("FAKE_CHECK:id", "a")], [("FAKE_CHECK:id", "b")]));
        await h.SettleAsync();
        await h.DisposeAsync();
        Assert.Equal(1, h.Checker["a"].Disposals);
        Assert.Equal(1, h.Checker["b"].Disposals);
        Assert.Equal(2, h.Bus.Changes.Count(c => !c.Up && c.Reason == "shutdown (omega)"));
    }
}
