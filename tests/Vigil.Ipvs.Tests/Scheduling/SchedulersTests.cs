using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.Scheduling;

namespace Vigil.Ipvs.Tests.Scheduling;

public sealed class SchedulersTests
{
    public static TheoryData<SchedulerAlgorithm, Type> Kinds => new()
    {
        { SchedulerAlgorithm.RoundRobin, typeof(RoundRobinScheduler) },
        { SchedulerAlgorithm.WeightedRoundRobin, typeof(WeightedRoundRobinScheduler) },
        { SchedulerAlgorithm.LeastConnection, typeof(LeastConnectionScheduler) },
        { SchedulerAlgorithm.WeightedLeastConnection, typeof(WeightedLeastConnectionScheduler) },
        { SchedulerAlgorithm.LocalityLeastConnection, typeof(LocalityLeastConnectionScheduler) },
        { SchedulerAlgorithm.LocalityLeastConnectionReplicated, typeof(LocalityLeastConnectionReplicatedScheduler) },
        { SchedulerAlgorithm.SourceHashing, typeof(SourceHashingScheduler) },
        { SchedulerAlgorithm.DestinationHashing, typeof(DestinationHashingScheduler) },
        { SchedulerAlgorithm.ShortestExpectedDelay, typeof(ShortestExpectedDelayScheduler) },
        { SchedulerAlgorithm.NeverQueue, typeof(NeverQueueScheduler) },
        { SchedulerAlgorithm.Maglev, typeof(MaglevScheduler) },
        { SchedulerAlgorithm.WeightedFailover, typeof(WeightedFailoverScheduler) },
        { SchedulerAlgorithm.WeightedOverflow, typeof(WeightedOverflowScheduler) },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Create_GivesTheKernelsScheduler(SchedulerAlgorithm algorithm, Type type) =>
        Assert.IsType(type, Schedulers.Create(algorithm, HashOptions.None, TimeProvider.System));

    [Fact]
    public void Create_EveryAlgorithmIsCovered() =>
        Assert.Equal(Enum.GetValues<SchedulerAlgorithm>().Length, Kinds.Count);

    [Property(MaxTest = 300)]
    public Property NoSchedulerEverPicksWeightZero(byte algorithm, bool port, bool fallback, NonEmptyArray<byte> weights, byte[] loads, uint[] sources)
    {
        var kind = (SchedulerAlgorithm)(algorithm % Enum.GetValues<SchedulerAlgorithm>().Length);
        var scheduler = Schedulers.Create(kind, new HashOptions(port, fallback), new FakeTimeProvider());
        var backends = Pool.Of(weights.Get.Take(10).Select(w => w % 4).ToArray());
        for (var i = 0; i < backends.Length && i < loads.Length; i++)
        {
            backends[i].SetCounts(loads[i] % 7, loads[i] / 7 % 5);
        }

        var picks = sources.Append(1u).Select(s => scheduler.Pick(backends, Pool.From(new System.Net.IPAddress(s).ToString(), (int)(s % 65536), $"203.0.113.{s % 7}")));
        return picks.All(p => p is null || (p.Weight > 0 && backends.Contains(p))).ToProperty();
    }

    [Fact]
    public void Pick_AllocatesNothing_OnceTheTablesAreBuilt()
    {
        var backends = Pool.Of(3, 2, 1);
        var flow = Pool.From("10.1.2.3");
        foreach (var algorithm in Enum.GetValues<SchedulerAlgorithm>())
        {
            var scheduler = Schedulers.Create(algorithm, new HashOptions(true, true), TimeProvider.System);
            // Past the JIT's tiering, whose call counting may allocate on the calling thread.
            for (var i = 0; i < 500; i++)
            {
                scheduler.Pick(backends, flow);
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
            {
                scheduler.Pick(backends, flow);
            }

            Assert.True(GC.GetAllocatedBytesForCurrentThread() == before, $"{algorithm} allocated");
        }
    }
}
