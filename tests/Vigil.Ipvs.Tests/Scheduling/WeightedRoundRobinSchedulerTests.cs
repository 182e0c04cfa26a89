using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Plugins.Ipvs.Scheduling;

namespace Vigil.Ipvs.Tests.Scheduling;

public sealed class WeightedRoundRobinSchedulerTests
{
    [Fact]
    public void Weights432_InterleaveAsTheKernel()
    {
        var picks = Pool.Sequence(new WeightedRoundRobinScheduler(), Pool.Of(4, 3, 2), 18);
        int[] cycle = [0, 0, 1, 0, 1, 2, 0, 1, 2];
        Assert.Equal(cycle.Concat(cycle), picks);
    }

    [Fact]
    public void WeightsWithACommonDivisor_StepByIt()
    {
        Assert.Equal([0, 1, 0, 1], Pool.Sequence(new WeightedRoundRobinScheduler(), Pool.Of(2, 2), 4));
        Assert.Equal([0, 0, 1, 0, 0, 1], Pool.Sequence(new WeightedRoundRobinScheduler(), Pool.Of(6, 3), 6));
    }

    [Fact]
    public void WeightZero_IsNeverChosen_AndAllZeroPicksNothing()
    {
        Assert.Equal([1, 1, 2, 1, 1, 2], Pool.Sequence(new WeightedRoundRobinScheduler(), Pool.Of(0, 2, 1), 6));
        Assert.Equal([-1, -1], Pool.Sequence(new WeightedRoundRobinScheduler(), Pool.Of(0, 0), 2));
    }

    [Fact]
    public void ANewList_RestartsFromTheHead_KeepingTheCurrentWeight()
    {
        var scheduler = new WeightedRoundRobinScheduler();
        var backends = Pool.Of(4, 3, 2);
        Assert.Equal([0, 0], Pool.Sequence(scheduler, backends, 2));

        // ip_vs_wrr_dest_changed: back to the head with cw still 3.
        var reloaded = Pool.Reweighted(backends, 4, 3, 2);
        Assert.Equal([0, 1, 0, 1, 2, 0, 1, 2, 0], Pool.Sequence(scheduler, reloaded, 9));
    }

    [Fact]
    public void ALowerMaximum_ResetsTheCurrentWeight()
    {
        var scheduler = new WeightedRoundRobinScheduler();
        var backends = Pool.Of(4, 1);
        Assert.Equal([0], Pool.Sequence(scheduler, backends, 1));

        var reloaded = Pool.Reweighted(backends, 2, 1);
        Assert.Equal([0, 0, 1, 0, 0, 1], Pool.Sequence(scheduler, reloaded, 6));
    }

    [Property]
    public Property MatchesTheClassicLvsSequence(NonEmptyArray<byte> raw)
    {
        var weights = raw.Get.Take(6).Select(b => b % 13).ToArray();
        if (weights.All(w => w == 0))
        {
            weights[0] = 1;
        }

        var backends = Pool.Of(weights);
        var length = weights.Sum() * 2;
        return Pool.Sequence(new WeightedRoundRobinScheduler(), backends, length).SequenceEqual(Classic(weights, length)).ToProperty();
    }

    [Property]
    public Property AFullCycle_GivesEachServerItsWeightOverTheGcd(NonEmptyArray<byte> raw)
    {
        var weights = raw.Get.Take(6).Select(b => b % 13).ToArray();
        if (weights.All(w => w == 0))
        {
            weights[0] = 1;
        }

        var gcd = weights.Where(w => w > 0).Aggregate(Gcd);
        var cycle = weights.Sum() / gcd;
        var picks = Pool.Sequence(new WeightedRoundRobinScheduler(), Pool.Of(weights), cycle);
        return Enumerable.Range(0, weights.Length).All(i => picks.Count(p => p == i) == weights[i] / gcd).ToProperty();
    }

    /// <summary>The textbook LVS weighted round-robin (www.linuxvirtualserver.org), independent of the kernel's code.</summary>
    private static IEnumerable<int> Classic(int[] weights, int count)
    {
        var gcd = weights.Where(w => w > 0).Aggregate(Gcd);
        var max = weights.Max();
        var i = -1;
        var cw = 0;
        for (var produced = 0; produced < count;)
        {
            i = (i + 1) % weights.Length;
            if (i == 0)
            {
                cw -= gcd;
                if (cw <= 0)
                {
                    cw = max;
                }
            }

            if (weights[i] >= cw)
            {
                produced++;
                yield return i;
            }
        }
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
