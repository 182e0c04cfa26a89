using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Abstractions.Checks;
using Vigil.Plugins.Checkers.Engine;

namespace Vigil.Checkers.Tests.Engine;

public sealed class CheckTrackerTests
{
    private static readonly TimeSpan Loop = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    private static CheckSchedule Schedule(int retry, bool alpha = false) => new(Loop, Loop, retry, Retry, alpha, false, false);

    [Fact]
    public void StartsUpWithoutAlphaAndDownWithIt()
    {
        Assert.True(new CheckTracker(Schedule(1)).Up);
        Assert.False(new CheckTracker(Schedule(1, alpha: true)).Up);
    }

    [Fact]
    public void FailureCountsOnlyAfterRetryFurtherFailures()
    {
        var tracker = new CheckTracker(Schedule(2));
        Assert.Equal(new CheckStep(Retry, false), tracker.Record(false));
        Assert.Equal(new CheckStep(Retry, false), tracker.Record(false));
        Assert.True(tracker.Up);
        Assert.Equal(new CheckStep(Loop, true), tracker.Record(false));
        Assert.False(tracker.Up);
    }

    [Fact]
    public void SuccessBetweenFailuresStartsTheRetriesAgain()
    {
        var tracker = new CheckTracker(Schedule(1));
        tracker.Record(false);
        Assert.Equal(new CheckStep(Loop, false), tracker.Record(true));
        Assert.Equal(0, tracker.RetriesUsed);
        Assert.Equal(new CheckStep(Retry, false), tracker.Record(false));
        Assert.True(tracker.Up);
    }

    [Fact]
    public void RetryZeroTakesTheServerDownAtTheFirstFailure()
    {
        var tracker = new CheckTracker(Schedule(0));
        Assert.Equal(new CheckStep(Loop, true), tracker.Record(false));
        Assert.False(tracker.Up);
    }

    [Fact]
    public void OneSuccessBringsADownCheckUp()
    {
        var tracker = new CheckTracker(Schedule(3, alpha: true));
        Assert.Equal(new CheckStep(Loop, true), tracker.Record(true));
        Assert.True(tracker.Up);
    }

    [Fact]
    public void AlphaCheckFailingStaysDownWithoutAChangeButStillRetries()
    {
        var tracker = new CheckTracker(Schedule(1, alpha: true));
        Assert.Equal(new CheckStep(Retry, false), tracker.Record(false));
        Assert.Equal(new CheckStep(Loop, false), tracker.Record(false));
        Assert.False(tracker.Up);
    }

    [Property]
    public Property DownExactlyAfterRetryPlusOneConsecutiveFailures(byte retry, bool alpha)
    {
        var tracker = new CheckTracker(Schedule(retry % 8, alpha));
        var upAfter = new List<bool>();
        for (var i = 0; i <= retry % 8; i++)
        {
            tracker.Record(false);
            upAfter.Add(tracker.Up);
        }

        var expected = Enumerable.Repeat(!alpha, retry % 8).Append(false);
        return upAfter.SequenceEqual(expected).Label($"up after each failure: {string.Join(",", upAfter)}");
    }

    [Property]
    public Property ChangedIsReportedExactlyWhenUpFlips(bool[] results, bool alpha)
    {
        var tracker = new CheckTracker(Schedule(1, alpha));
        foreach (var healthy in results)
        {
            var before = tracker.Up;
            var step = tracker.Record(healthy);
            if (step.Changed != (before != tracker.Up))
            {
                return false.ToProperty();
            }
        }

        return true.ToProperty();
    }
}
