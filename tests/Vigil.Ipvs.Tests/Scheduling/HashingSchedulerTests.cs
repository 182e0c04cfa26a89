using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.Scheduling;

namespace Vigil.Ipvs.Tests.Scheduling;

/// <summary>sh, dh and mh.</summary>
public sealed class HashingSchedulerTests
{
    [Theory]
    [InlineData("192.168.1.10", 248)]
    [InlineData("10.0.0.1", 39)]
    [InlineData("203.0.113.7", 124)]
    public void Sh_HashesTheSourceIntoWeightDealtBuckets(string source, int bucket)
    {
        // Weights 3 and 1 deal the buckets A A A B, A A A B, ...
        var backends = Pool.Of(3, 1);
        var expected = bucket % 4 == 3 ? backends[1] : backends[0];
        Assert.Same(expected, new SourceHashingScheduler(HashOptions.None).Pick(backends, Pool.From(source)));
    }

    [Fact]
    public void ShPort_AddsTheSourcePortToTheHash()
    {
        var backends = Pool.Of(1, 1);

        // 10.0.0.1 alone hashes to bucket 39 (odd: B); plus port 1234 to bucket 128 (even: A).
        Assert.Same(backends[1], new SourceHashingScheduler(HashOptions.None).Pick(backends, Pool.From("10.0.0.1", 1234)));
        Assert.Same(backends[0], new SourceHashingScheduler(new HashOptions(true, false)).Pick(backends, Pool.From("10.0.0.1", 1234)));
    }

    [Fact]
    public void Sh_AWeightZeroBucket_FailsWithoutFallback_AndProbesOnWithIt()
    {
        var backends = Pool.Of(1, 0);
        var flow = Pool.From("10.0.0.1");
        Assert.Null(new SourceHashingScheduler(HashOptions.None).Pick(backends, flow));
        Assert.Same(backends[0], new SourceHashingScheduler(new HashOptions(false, true)).Pick(backends, flow));
    }

    [Fact]
    public void Sh_NoServers_PicksNothing() =>
        Assert.Null(new SourceHashingScheduler(new HashOptions(true, true)).Pick(Pool.Of(), Pool.From("10.0.0.1")));

    [Property]
    public Property Sh_TheSameSource_TheSameServer_WhileTheSetIsUnchanged(uint address, ushort port1, ushort port2, NonEmptyArray<byte> raw)
    {
        var backends = Pool.Of(raw.Get.Take(8).Select(b => (b % 4) + 1).ToArray());
        var scheduler = new SourceHashingScheduler(HashOptions.None);
        var source = new IPAddress(BitConverter.GetBytes(address)).ToString();
        var first = scheduler.Pick(backends, Pool.From(source, port1));
        scheduler.Pick(backends, Pool.From("198.51.100.200"));
        return (first is not null && ReferenceEquals(first, scheduler.Pick(backends, Pool.From(source, port2)))).ToProperty();
    }

    [Fact]
    public void Dh_HashesTheDestination_OneBucketPerServer()
    {
        var backends = Pool.Of(5, 1);
        var scheduler = new DestinationHashingScheduler();

        // Bucket 248 and 39 as in the sh test: even buckets belong to the first server, odd to the second, whatever the weight.
        Assert.Same(backends[0], scheduler.Pick(backends, Pool.To("192.168.1.10")));
        Assert.Same(backends[1], scheduler.Pick(backends, Pool.To("10.0.0.1")));
        Assert.Same(backends[1], scheduler.Pick(backends, Pool.From("203.0.113.99", 1, "10.0.0.1")));
        Assert.Null(scheduler.Pick(Pool.Reweighted(backends, 5, 0), Pool.To("10.0.0.1")));
    }

    [Theory]
    [InlineData(0x04030201u, 0x360ba9d4u)]
    [InlineData(0x7f0000ffu, 0xcee4e4ffu)]
    public void KernelHsipHash_IsSipHash13(uint value, uint expected) =>
        Assert.Equal(expected, KernelHsipHash.Hash(value, 0));

    [Theory]
    [InlineData(251)]
    [InlineData(MaglevScheduler.DefaultTableSize)]
    public void Mh_FillsEverySlot_InProportionToWeight(int size)
    {
        var backends = Pool.Of(2, 1, 1);
        var scheduler = new MaglevScheduler(HashOptions.None, size);
        var picks = Enumerable.Range(0, 4000)
            .Select(i => scheduler.Pick(backends, Pool.From($"10.{i / 250}.{i % 250}.1")))
            .ToList();
        Assert.DoesNotContain(null, picks);
        var share = picks.Count(p => p == backends[0]) / 4000.0;
        Assert.InRange(share, 0.42, 0.58);
    }

    [Fact]
    public void Mh_RemovingAServer_MovesOnlyMostlyItsClients()
    {
        var backends = Pool.Of(1, 1, 1, 1, 1);
        var scheduler = new MaglevScheduler(HashOptions.None);
        var sources = Enumerable.Range(0, 2000).Select(i => $"172.16.{i / 200}.{i % 200}").ToList();
        var before = sources.Select(s => scheduler.Pick(backends, Pool.From(s))!.Server).ToList();

        SchedulerBackend[] fewer = [backends[0], backends[1], backends[2], backends[3]];
        var after = sources.Select(s => scheduler.Pick(fewer, Pool.From(s))!.Server).ToList();
        var stayed = Enumerable.Range(0, sources.Count).Where(i => before[i] != backends[4].Server).ToList();
        var moved = stayed.Count(i => before[i] != after[i]);
        Assert.True(moved < stayed.Count / 10, $"{moved} of {stayed.Count} clients of remaining servers moved");
    }

    [Fact]
    public void Mh_AServerDrainedToZero_KeepsItsSlots_FallbackProbesOn()
    {
        var backends = Pool.Of(1, 1);
        var sources = Enumerable.Range(0, 200).Select(i => $"172.17.0.{i}").ToList();
        var scheduler = new MaglevScheduler(HashOptions.None);
        var onSecond = sources.Where(s => scheduler.Pick(backends, Pool.From(s)) == backends[1]).ToList();
        Assert.NotEmpty(onSecond);

        var drained = Pool.Reweighted(backends, 1, 0);
        Assert.All(onSecond, s => Assert.Null(scheduler.Pick(drained, Pool.From(s))));

        var fallback = new MaglevScheduler(new HashOptions(false, true));
        Assert.All(onSecond, s => Assert.Same(drained[0], fallback.Pick(drained, Pool.From(s))));
    }

    [Fact]
    public void MhPort_AddsTheSourcePort()
    {
        var backends = Pool.Of(1, 1, 1);
        var plain = new MaglevScheduler(HashOptions.None);
        var ported = new MaglevScheduler(new HashOptions(true, false));
        var byPort = Enumerable.Range(1000, 50).Select(p => ported.Pick(backends, Pool.From("10.9.9.9", p))).Distinct().Count();
        var byAddress = Enumerable.Range(1000, 50).Select(p => plain.Pick(backends, Pool.From("10.9.9.9", p))).Distinct().Count();
        Assert.Equal(1, byAddress);
        Assert.True(byPort > 1);
    }

    [Fact]
    public void Mh_OnlyTheKernelsPrimes() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaglevScheduler(HashOptions.None, 250));
}
