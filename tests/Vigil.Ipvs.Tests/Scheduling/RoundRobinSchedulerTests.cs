using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Plugins.Ipvs.Scheduling;

namespace Vigil.Ipvs.Tests.Scheduling;

public sealed class RoundRobinSchedulerTests
{
    [Fact]
    public void VisitsTheServersInListOrder_SkippingWeightZero()
    {
        var backends = Pool.Of(1, 0, 5, 1);
        Assert.Equal([0, 2, 3, 0, 2, 3, 0], Pool.Sequence(new RoundRobinScheduler(), backends, 7));
    }

    [Fact]
    public void NoServerOfPositiveWeight_PicksNothing()
    {
        Assert.Equal([-1, -1], Pool.Sequence(new RoundRobinScheduler(), Pool.Of(0, 0), 2));
        Assert.Equal([-1], Pool.Sequence(new RoundRobinScheduler(), Pool.Of(), 1));
    }

    [Fact]
    public void ANewList_ContinuesAfterTheServerChosenLast()
    {
        var scheduler = new RoundRobinScheduler();
        var backends = Pool.Of(1, 1, 1);
        Assert.Equal([0, 1], Pool.Sequence(scheduler, backends, 2));

        var reweighted = Pool.Reweighted(backends, 1, 1, 1);
        Assert.Equal([2, 0], Pool.Sequence(scheduler, reweighted, 2));
    }

    [Fact]
    public void RemovingTheServerChosenLast_ContinuesFromItsPredecessor()
    {
        var scheduler = new RoundRobinScheduler();
        var backends = Pool.Of(1, 1, 1, 1);
        Assert.Equal([0, 1, 2], Pool.Sequence(scheduler, backends, 3));

        SchedulerBackend[] without = [backends[0], backends[1], backends[3]];
        Assert.Equal([2, 0, 1], Pool.Sequence(scheduler, without, 3));
    }

    [Property]
    public Property EveryServerOfPositiveWeight_OncePerRound(NonEmptyArray<byte> raw)
    {
        var weights = raw.Get.Take(12).Select(b => b % 3).ToArray();
        var backends = Pool.Of(weights);
        var positive = weights.Count(w => w > 0);
        var picks = Pool.Sequence(new RoundRobinScheduler(), backends, positive * 3);
        var expected = Enumerable.Range(0, weights.Length).Where(i => weights[i] > 0).ToArray();
        return picks.SequenceEqual(expected.Concat(expected).Concat(expected)).ToProperty();
    }
}
