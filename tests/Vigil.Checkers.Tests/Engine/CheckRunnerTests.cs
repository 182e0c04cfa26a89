using Microsoft.Extensions.Time.Testing;
using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers.Configuration;
using Vigil.Plugins.Checkers.Engine;

namespace Vigil.Checkers.Tests.Engine;

public sealed class CheckRunnerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Rearm_BoundNotReachedOnTheSystemClock_KeepsTheSameSourceDisarmed()
    {
        var runner = Runner(TimeProvider.System);
        var source = runner.Cancel;
        source.CancelAfter(TimeSpan.FromMilliseconds(50));

        runner.Rearm();
        await Task.Delay(200);

        Assert.Same(source, runner.Cancel);
        Assert.False(runner.Cancel.IsCancellationRequested);
    }

    [Fact]
    public void Rearm_BoundNotReachedOnAnotherClock_GivesASourceThatDoesNotFire()
    {
        var runner = Runner(_time);
        runner.Cancel.CancelAfter(TimeSpan.FromSeconds(2));

        runner.Rearm();
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.False(runner.Cancel.IsCancellationRequested);
    }

    [Fact]
    public void Rearm_AfterTheBoundFired_GivesAFreshSourceOnTheSameClock()
    {
        var runner = Runner(_time);
        runner.Cancel.CancelAfter(TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(runner.Cancel.IsCancellationRequested);

        runner.Rearm();
        Assert.False(runner.Cancel.IsCancellationRequested);
        runner.Cancel.CancelAfter(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(runner.Cancel.IsCancellationRequested);
    }

    private static CheckRunner Runner(TimeProvider time)
    {
        var definition = CheckConfigReader.Read(EngineHarness.One("a"), [new FakeChecker()]).Single();
        return new CheckRunner(definition, definition.Create(), new RealServerEntry(EngineHarness.Vs, EngineHarness.Rs1), time);
    }
}
