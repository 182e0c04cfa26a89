using Microsoft.Extensions.Time.Testing;
using Vigil.Plugins.Ipvs.Scheduling;

namespace Vigil.Ipvs.Tests.Scheduling;

/// <summary>lblc and lblcr.</summary>
public sealed class LocalitySchedulerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Lblc_KeepsADestinationOnItsServer_ThoughAnotherIsLessLoaded()
    {
        var backends = Pool.Of(10, 10);
        var scheduler = new LocalityLeastConnectionScheduler(_time);
        Assert.Same(backends[0], scheduler.Pick(backends, Pool.To("203.0.113.1")));

        backends[0].SetCounts(5, 0);
        Assert.Same(backends[0], scheduler.Pick(backends, Pool.To("203.0.113.1")));
        Assert.Same(backends[1], scheduler.Pick(backends, Pool.To("203.0.113.2")));
    }

    [Fact]
    public void Lblc_MovesOffAnOverloadedServer_OnlyWhileAnotherRunsBelowHalf()
    {
        var backends = Pool.Of(2, 4);
        var scheduler = new LocalityLeastConnectionScheduler(_time);
        Assert.Same(backends[0], scheduler.Pick(backends, Pool.To("203.0.113.1")));

        backends[0].SetCounts(3, 0);
        backends[1].SetCounts(2, 0);
        Assert.Same(backends[0], scheduler.Pick(backends, Pool.To("203.0.113.1")));

        backends[1].SetCounts(1, 0);
        Assert.Same(backends[1], scheduler.Pick(backends, Pool.To("203.0.113.1")));
        Assert.Same(backends[1], scheduler.Pick(backends, Pool.To("203.0.113.1")));
    }

    [Fact]
    public void Lblc_AServerAtWeightZeroOrGone_IsReplaced()
    {
        var backends = Pool.Of(1, 1);
        var scheduler = new LocalityLeastConnectionScheduler(_time);
        Assert.Same(backends[0], scheduler.Pick(backends, Pool.To("203.0.113.1")));

        var drained = Pool.Reweighted(backends, 0, 1);
        Assert.Same(drained[1], scheduler.Pick(drained, Pool.To("203.0.113.1")));

        SchedulerBackend[] onlyFirst = [new(backends[0].Server, 1)];
        Assert.Same(onlyFirst[0], scheduler.Pick(onlyFirst, Pool.To("203.0.113.1")));
    }

    [Fact]
    public void Lblc_EntriesUnusedForTheExpiration_AreDroppedByTheFullCheck()
    {
        var backends = Pool.Of(1);
        var scheduler = new LocalityLeastConnectionScheduler(_time);
        scheduler.Pick(backends, Pool.To("203.0.113.1"));
        scheduler.Pick(backends, Pool.To("203.0.113.2"));

        _time.Advance(TimeSpan.FromHours(23));
        scheduler.Pick(backends, Pool.To("203.0.113.2"));
        Assert.Equal(2, scheduler.Entries);

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(31));
        scheduler.Pick(backends, Pool.To("203.0.113.3"));
        Assert.Equal(2, scheduler.Entries);

        _time.Advance(TimeSpan.FromHours(25));
        scheduler.Pick(backends, Pool.To("203.0.113.3"));
        Assert.Equal(1, scheduler.Entries);
    }

    [Fact]
    public void Lblcr_AddsAServerToTheSet_WhenItsMembersAreOverloaded()
    {
        var backends = Pool.Of(2, 4);
        var scheduler = new LocalityLeastConnectionReplicatedScheduler(_time);
        var vip = Pool.To("203.0.113.1");
        Assert.Same(backends[0], scheduler.Pick(backends, vip));

        backends[0].SetCounts(3, 0);
        backends[1].SetCounts(1, 0);
        Assert.Same(backends[1], scheduler.Pick(backends, vip));
        Assert.Equal([backends[1].Server, backends[0].Server], scheduler.SetOf(vip.Destination));

        // Both in the set: the weighted least-connection member serves.
        backends[0].SetCounts(0, 0);
        Assert.Same(backends[0], scheduler.Pick(backends, vip));
    }

    [Fact]
    public void Lblcr_ASetUnchangedForTheExpiration_LosesItsMostLoadedMember()
    {
        var backends = Pool.Of(2, 4);
        var scheduler = new LocalityLeastConnectionReplicatedScheduler(_time);
        var vip = Pool.To("203.0.113.1");
        scheduler.Pick(backends, vip);
        backends[0].SetCounts(3, 0);
        backends[1].SetCounts(1, 0);
        scheduler.Pick(backends, vip);
        Assert.Equal(2, scheduler.SetOf(vip.Destination).Count);

        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        Assert.Same(backends[1], scheduler.Pick(backends, vip));
        Assert.Equal([backends[1].Server], scheduler.SetOf(vip.Destination));
    }

    [Fact]
    public void Lblcr_NoServerOfPositiveWeight_PicksNothing()
    {
        var scheduler = new LocalityLeastConnectionReplicatedScheduler(_time);
        Assert.Null(scheduler.Pick(Pool.Of(0, 0), Pool.To("203.0.113.1")));
        Assert.Equal(0, scheduler.Entries);
    }
}
