using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Plugins.Ipvs.DataPlanes.Nftables;

namespace Vigil.Ipvs.Tests.DataPlanes.Nftables;

public sealed class SlotPlannerTests
{
    [Fact]
    public void Ranges_FollowShares_AndSkipZero()
    {
        Assert.Equal([new SlotRange(0, 2, 0), new SlotRange(3, 3, 2)], SlotPlanner.Ranges([3, 0, 1]));
    }

    [Fact]
    public void Buckets_SplitByWeight()
    {
        var owners = SlotPlanner.Buckets([10, 20], [1, 3], null);

        Assert.Equal(64, owners.Count(o => o == 10));
        Assert.Equal(192, owners.Count(o => o == 20));
    }

    [Fact]
    public void Buckets_ServerGoingDown_MovesOnlyItsOwnBuckets()
    {
        var before = SlotPlanner.Buckets([1, 2, 3], [1, 1, 1], null);
        var after = SlotPlanner.Buckets([1, 3], [1, 1], before);

        for (var b = 0; b < SlotPlanner.HashBuckets; b++)
        {
            if (before[b] != 2)
            {
                Assert.Equal(before[b], after[b]);
            }
        }

        Assert.DoesNotContain(2L, after);
    }

    [Property]
    public Property Buckets_AreAllOwnedByLiveServers_InProportion(PositiveInt[] raw)
    {
        var weights = raw.Take(20).Select(w => 1 + (w.Get % 100)).ToList();
        if (weights.Count == 0)
        {
            return true.ToProperty();
        }

        var ids = Enumerable.Range(1, weights.Count).Select(i => (long)i).ToList();
        var owners = SlotPlanner.Buckets(ids, weights, null);
        var total = weights.Sum();
        var proportional = ids.Select((id, i) => Math.Abs(owners.Count(o => o == id) - (double)weights[i] * SlotPlanner.HashBuckets / total) <= 1.0 + weights.Count).All(x => x);
        return (owners.All(ids.Contains) && ids.All(id => owners.Contains(id)) && proportional).ToProperty();
    }

    [Property]
    public Property Buckets_RemovingAServer_KeepsEveryOtherBucket(PositiveInt count, PositiveInt removed)
    {
        var n = 2 + (count.Get % 10);
        var ids = Enumerable.Range(1, n).Select(i => (long)i).ToList();
        var weights = ids.Select(_ => 1).ToList();
        var before = SlotPlanner.Buckets(ids, weights, null);
        var gone = ids[removed.Get % n];
        var after = SlotPlanner.Buckets(ids.Where(i => i != gone).ToList(), weights.Skip(1).ToList(), before);
        return Enumerable.Range(0, SlotPlanner.HashBuckets).All(b => before[b] == gone || before[b] == after[b]).ToProperty();
    }

    [Fact]
    public void Runs_CompressConsecutiveOwners()
    {
        Assert.Equal([(0, 1, 5L), (2, 2, 6L), (3, 3, 5L)], SlotPlanner.Runs([5, 5, 6, 5]));
    }
}
