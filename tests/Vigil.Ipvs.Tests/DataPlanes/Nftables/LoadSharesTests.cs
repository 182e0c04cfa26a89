using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes.Nftables;

namespace Vigil.Ipvs.Tests.DataPlanes.Nftables;

public sealed class LoadSharesTests
{
    [Fact]
    public void Idle_Wlc_FollowsWeights()
    {
        var shares = LoadShares.Compute(SchedulerAlgorithm.WeightedLeastConnection, [1, 3], [0, 0], [0, 0]);

        Assert.Equal(LoadShares.Resolution, shares.Sum());
        Assert.InRange(shares[1] / (double)shares[0], 2.5, 3.5);
    }

    [Fact]
    public void Lc_GivesTheLoadedServerLess()
    {
        var shares = LoadShares.Compute(SchedulerAlgorithm.LeastConnection, [1, 1], [100, 0], [0, 0]);

        Assert.True(shares[1] > shares[0] * 10, string.Join(",", shares));
    }

    [Fact]
    public void Nq_SendsOnlyToIdleServersWhileThereAreAny()
    {
        var shares = LoadShares.Compute(SchedulerAlgorithm.NeverQueue, [5, 1, 1], [3, 0, 2], [0, 0, 0]);

        Assert.Equal([0, LoadShares.Resolution, 0], shares);
    }

    [Fact]
    public void Fo_SendsEverythingToTheHeaviest()
    {
        Assert.Equal([0, LoadShares.Resolution, 0], LoadShares.Compute(SchedulerAlgorithm.WeightedFailover, [1, 5, 2], [0, 9, 0], [0, 0, 0]));
    }

    [Fact]
    public void Ovf_OverflowsToTheNextWhenTheHeaviestIsFull()
    {
        Assert.Equal([0, 0, LoadShares.Resolution], LoadShares.Compute(SchedulerAlgorithm.WeightedOverflow, [1, 5, 2], [0, 5, 1], [0, 0, 0]));
    }

    [Property]
    public Property Shares_SumToTheResolution_AndEveryServerOfWeightGetsSome(PositiveInt[] raw, NonNegativeInt seed)
    {
        var weights = raw.Take(30).Select(w => 1 + (w.Get % 50)).ToList();
        if (weights.Count == 0)
        {
            return true.ToProperty();
        }

        var random = new Random(seed.Get);
        var active = weights.Select(_ => (long)random.Next(0, 1000)).ToList();
        var inactive = weights.Select(_ => (long)random.Next(0, 1000)).ToList();
        var shares = LoadShares.Compute(SchedulerAlgorithm.WeightedLeastConnection, weights, active, inactive);
        return (shares.Sum() == LoadShares.Resolution && shares.All(s => s >= 1)).ToProperty();
    }
}
