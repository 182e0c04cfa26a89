using Vigil.Plugins.Ipvs.Scheduling;

namespace Vigil.Ipvs.Tests.Scheduling;

/// <summary>lc, wlc, sed, nq, fo and ovf: the choices that depend on weights and live counts.</summary>
public sealed class LoadSchedulerTests
{
    [Fact]
    public void Lc_WeighsActive256TimesInactive()
    {
        var backends = Load((1, 1, 0), (1, 0, 255));
        Assert.Same(backends[1], Pick(new LeastConnectionScheduler(), backends));

        backends[1].SetCounts(0, 256);
        Assert.Same(backends[0], Pick(new LeastConnectionScheduler(), backends));
    }

    [Fact]
    public void Lc_IgnoresWeightOtherThanZero()
    {
        var backends = Load((0, 0, 0), (1, 2, 0), (100, 3, 0));
        Assert.Same(backends[1], Pick(new LeastConnectionScheduler(), backends));
    }

    [Fact]
    public void Wlc_ComparesOverheadPerWeight()
    {
        var backends = Load((1, 1, 0), (3, 2, 0));
        Assert.Same(backends[1], Pick(new WeightedLeastConnectionScheduler(), backends));

        backends[1].SetCounts(3, 0);
        Assert.Same(backends[0], Pick(new WeightedLeastConnectionScheduler(), backends));
    }

    [Fact]
    public void Wlc_SkipsWeightZero_EvenIdle()
    {
        var backends = Load((0, 0, 0), (1, 5, 5));
        Assert.Same(backends[1], Pick(new WeightedLeastConnectionScheduler(), backends));
    }

    [Fact]
    public void Sed_CountsTheNewConnection_AndNoInactive()
    {
        var backends = Load((1, 0, 100), (3, 2, 0));
        Assert.Same(backends[0], Pick(new ShortestExpectedDelayScheduler(), backends));

        backends[1].SetCounts(1, 0);
        Assert.Same(backends[1], Pick(new ShortestExpectedDelayScheduler(), backends));
    }

    [Fact]
    public void Nq_TakesAnIdleServerFirst_ElseAsSed()
    {
        var backends = Load((5, 3, 0), (1, 0, 9), (1, 0, 0));
        Assert.Same(backends[1], Pick(new NeverQueueScheduler(), backends));

        backends[1].SetCounts(1, 0);
        backends[2].SetCounts(1, 0);
        Assert.Same(backends[0], Pick(new NeverQueueScheduler(), backends));
    }

    [Fact]
    public void Fo_TakesTheHighestWeight_FirstOnATie()
    {
        var backends = Load((2, 50, 0), (7, 50, 0), (7, 0, 0));
        Assert.Same(backends[1], Pick(new WeightedFailoverScheduler(), backends));
        Assert.Null(Pick(new WeightedFailoverScheduler(), Load((0, 0, 0))));
    }

    [Fact]
    public void Ovf_OverflowsOnlyOnceActiveExceedsWeight()
    {
        var backends = Load((3, 3, 0), (2, 0, 0));
        Assert.Same(backends[0], Pick(new WeightedOverflowScheduler(), backends));

        backends[0].SetCounts(4, 0);
        Assert.Same(backends[1], Pick(new WeightedOverflowScheduler(), backends));

        backends[1].SetCounts(3, 0);
        Assert.Null(Pick(new WeightedOverflowScheduler(), backends));
    }

    private static SchedulerBackend[] Load(params (int Weight, long Active, long Inactive)[] servers)
    {
        var backends = Pool.Of(servers.Select(s => s.Weight).ToArray());
        for (var i = 0; i < servers.Length; i++)
        {
            backends[i].SetCounts(servers[i].Active, servers[i].Inactive);
        }

        return backends;
    }

    private static SchedulerBackend? Pick(IScheduler scheduler, SchedulerBackend[] backends) =>
        scheduler.Pick(backends, Pool.From("198.51.100.1"));
}
