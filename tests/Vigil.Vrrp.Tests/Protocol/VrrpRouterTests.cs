using System.Net;
using Vigil.Abstractions.Events;
using Vigil.Plugins.Vrrp.Protocol;
using static Vigil.Vrrp.Tests.Protocol.RouterHarness;

namespace Vigil.Vrrp.Tests.Protocol;

public class VrrpRouterTests
{
    private static readonly IPAddress Peer = IPAddress.Parse("10.0.0.2");

    [Fact]
    public void Start_Backup_WaitsMasterDownIntervalThenBecomesMaster()
    {
        var router = Router(priority: 100);
        Assert.Equal(VrrpState.Backup, Change(router.Start(0))!.NewState);
        Assert.Equal(3000 + (256 - 100) * 1000 / 256, router.NextDeadline);
        Assert.Empty(router.OnTimers(3608));
        var actions = router.OnTimers(3609);
        Assert.Equal(new StateChange(VrrpState.Backup, VrrpState.Master, "master down timer expired"), Change(actions));
        Assert.Equal(new SendAdvertisement(100, 1), actions[0]);
        Assert.IsType<AcquireAddresses>(actions[1]);
        Assert.Equal(3609 + 1000, router.NextDeadline);
    }

    [Fact]
    public void Start_Owner_BecomesMasterImmediately()
    {
        var router = Router(priority: 255);
        Assert.Equal("address owner (priority 255)", Change(router.Start(0))!.Reason);
        Assert.Equal(VrrpState.Master, router.State);
    }

    [Fact]
    public void Start_StateMasterNotOwner_UsesShortenedDownTimer()
    {
        var router = Router(priority: 100, master: true);
        router.Start(0);
        Assert.Equal(VrrpState.Backup, router.State);
        Assert.Equal(1000 + 609, router.NextDeadline);
    }

    [Fact]
    public void Master_HigherPriorityAdvert_SendsOneLastAdvertThenGoesBackupWithReason()
    {
        var router = MasterAt(100);
        var actions = router.OnAdvertisement(Advert(110), Peer, 5000);
        Assert.Equal(new SendAdvertisement(100, 1), actions[0]);
        Assert.IsType<ReleaseAddresses>(actions[1]);
        Assert.Equal("higher priority 110 advertisement from 10.0.0.2", Change(actions)!.Reason);
        Assert.Equal(VrrpState.Backup, router.State);
        Assert.Null(router.AdvertisementDeadline);
    }

    [Fact]
    public void Master_EqualPriorityFromHigherAddress_Yields()
    {
        var router = MasterAt(100);
        router.OnAdvertisement(Advert(100), Peer, 5000);
        Assert.Equal(VrrpState.Backup, router.State);
    }

    [Fact]
    public void Master_HigherPriorityAdvert_WithoutHigherPrioSendAdvert_YieldsSilently()
    {
        var router = MasterAt(100, higherPrioritySendAdvert: false);
        var actions = router.OnAdvertisement(Advert(110), Peer, 5000);
        Assert.IsType<ReleaseAddresses>(actions[0]);
        Assert.DoesNotContain(actions, a => a is SendAdvertisement);
    }

    [Fact]
    public void Master_EqualPriorityFromLowerAddress_StaysAnswersAndReannounces()
    {
        var router = MasterAt(100, address: "10.0.0.5");
        var actions = router.OnAdvertisement(Advert(100), Peer, 5000);
        Assert.Equal(VrrpState.Master, router.State);
        Assert.Equal([new SendAdvertisement(100, 1), new RefreshNeighbours()], actions);
    }

    [Fact]
    public void Backup_Preempt_IgnoresLowerPriorityMasterAndTakesOver()
    {
        var router = Router(priority: 120);
        router.Start(0);
        router.OnAdvertisement(Advert(100), Peer, 1000);
        Assert.Equal(3000 + (256 - 120) * 1000 / 256, router.NextDeadline);
        var actions = router.OnTimers(router.NextDeadline!.Value);
        Assert.Equal("preempting lower priority 100 master 10.0.0.2", Change(actions)!.Reason);
    }

    [Fact]
    public void Backup_Nopreempt_KeepsLowerPriorityMaster()
    {
        var router = Router(priority: 120, preempt: false);
        router.Start(0);
        router.OnAdvertisement(Advert(100), Peer, 3000);
        Assert.Equal(3000 + 3000 + (256 - 120) * 1000 / 256, router.NextDeadline);
        Assert.Equal(Peer, router.MasterAddress);
    }

    [Fact]
    public void Backup_PreemptDelay_ToleratesLowerMasterUntilDelayExpires()
    {
        var router = Router(priority: 120, preemptDelayMs: 10_000);
        router.Start(0);
        for (var t = 1000; t < 10_000; t += 1000)
        {
            router.OnAdvertisement(Advert(100), Peer, t);
            Assert.Equal(VrrpState.Backup, router.State);
        }

        Assert.Equal(12_531, router.NextDeadline);
        router.OnAdvertisement(Advert(100), Peer, 11_000);
        Assert.Equal(12_531, router.NextDeadline);
        Assert.Equal(VrrpState.Master, Change(router.OnTimers(12_531))!.NewState);
    }

    [Fact]
    public void Backup_PriorityZero_TakesOverAfterSkewTime()
    {
        var router = Router(priority: 100);
        router.Start(0);
        router.OnAdvertisement(Advert(0), Peer, 2000);
        Assert.Equal(2000 + 609, router.NextDeadline);
        Assert.Equal("priority 0 advertisement from 10.0.0.2", Change(router.OnTimers(2609))!.Reason);
    }

    [Theory]
    [InlineData(100, 100, 3000 + 609)]
    [InlineData(5, 100, 150 + 30)]
    [InlineData(1, 100, 30 + 6)]
    [InlineData(100, 200, 3000 + 218)]
    public void MasterDownInterval_V3_ScalesWithLearnedInterval(int centiseconds, int priority, long expected)
    {
        var router = Router(priority: (byte)priority, version: VrrpVersion.V3, intervalMs: 1000);
        router.Start(0);
        router.OnAdvertisement(Advert(250, VrrpVersion.V3, (ushort)centiseconds), Peer, 0);
        Assert.Equal(centiseconds * 10, router.MasterAdverIntervalMs);
        Assert.Equal(expected, router.NextDeadline);
    }

    [Fact]
    public void Shutdown_Master_SendsPriorityZeroAndReleases()
    {
        var router = MasterAt(100);
        var actions = router.Shutdown(9000);
        Assert.Equal(new SendAdvertisement(0, 1), actions[0]);
        Assert.IsType<ReleaseAddresses>(actions[1]);
        Assert.Equal(VrrpState.Stop, router.State);
        Assert.Null(router.NextDeadline);
    }

    [Fact]
    public void Master_PriorityZeroAdvert_AnswersAtOnce()
    {
        var router = MasterAt(100);
        Assert.Equal([new SendAdvertisement(100, 1)], router.OnAdvertisement(Advert(0), Peer, 5000));
        Assert.Equal(6000, router.NextDeadline);
    }

    [Fact]
    public void Fault_FromMasterAndBack_GoesBackupWithFullDownInterval()
    {
        var router = MasterAt(100);
        var actions = router.SetFault(true, "track_script chk_nginx failed", 5000);
        Assert.Equal(new StateChange(VrrpState.Master, VrrpState.Fault, "track_script chk_nginx failed"), Change(actions));
        Assert.Contains(new SendAdvertisement(0, 1), actions);
        Assert.Null(router.NextDeadline);
        Assert.Empty(router.OnAdvertisement(Advert(50), Peer, 5500));
        Assert.Equal(VrrpState.Backup, Change(router.SetFault(false, "track_script chk_nginx succeeded", 6000))!.NewState);
        Assert.Equal(6000 + 3609, router.NextDeadline);
    }

    [Fact]
    public void SetFault_BeforeStart_StartsInFault()
    {
        var router = Router();
        router.SetFault(true, "track_interface eth0 down", 0);
        Assert.Equal(VrrpState.Fault, Change(router.Start(0))!.NewState);
    }

    [Fact]
    public void SetEffectivePriority_Owner_StaysAt255()
    {
        var router = Router(priority: 255);
        router.Start(0);
        router.SetEffectivePriority(10, 1);
        Assert.Equal(255, router.EffectivePriority);
    }

    [Fact]
    public void SetEffectivePriority_Master_AdvertisesAtOnce()
    {
        var router = MasterAt(100);
        Assert.Equal([new SendAdvertisement(90, 1)], router.SetEffectivePriority(90, 5000));
    }

    private static VrrpRouter MasterAt(byte priority, string address = "10.0.0.1", bool higherPrioritySendAdvert = true)
    {
        var router = Router(priority, address, higherPrioritySendAdvert: higherPrioritySendAdvert);
        router.Start(0);
        router.OnTimers(10_000);
        Assert.Equal(VrrpState.Master, router.State);
        return router;
    }
}
