using System.Net;
using System.Net.Sockets;
using Vigil.Abstractions.Events;
using Vigil.Abstractions.State;
using Vigil.Linux.Netlink.Route;
using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Protocol;
using Vigil.Plugins.Vrrp.Tracking;

namespace Vigil.Vrrp.Tests.Engine;

public class GroupRunnerTests
{
    [Fact]
    public void MasterDownTimer_Expires_AddsAddressSendsGarpAndAdvertAndPublishes()
    {
        using var h = new RunnerHarness();
        h.Runner.StartRouters();

        h.Step(TimeSpan.FromSeconds(4));

        Assert.Equal(VrrpState.Master, h.Instance.State);
        Assert.Contains(RunnerHarness.Vip, h.Netlink.Present);
        Assert.Equal(24, h.Netlink.Added.Single().PrefixLength);
        Assert.Equal(5, h.Gratuitous.Arps.Count);
        Assert.Equal([100], h.SentPriorities);
        var change = h.Bus.Events.OfType<VrrpStateChanged>().Last();
        Assert.Equal((VrrpState.Backup, VrrpState.Master, "vrrp", 51), (change.OldState, change.NewState, change.Source, change.VirtualRouterId));
    }

    [Fact]
    public void Takeover_AnnouncesAVipOnAnotherDevice_FromThatDeviceWithItsOwnMac()
    {
        var other = System.Net.IPAddress.Parse("10.1.0.254");
        using var h = new RunnerHarness(o => o with { VirtualAddresses = [new VirtualAddress(RunnerHarness.Vip, 24), new VirtualAddress(other, 24, "eth1")] });
        h.Runner.StartRouters();

        h.Step(TimeSpan.FromSeconds(4));

        var announced = h.Gratuitous.Arps.Zip(h.Gratuitous.ArpMacs).ToList();
        Assert.Contains(announced, a => a.First == (2, RunnerHarness.Vip) && a.Second.SequenceEqual(new byte[] { 2, 0, 0, 0, 0, 1 }));
        Assert.Contains(announced, a => a.First == (3, other) && a.Second.SequenceEqual(new byte[] { 2, 0, 0, 0, 0, 3 }));
        Assert.DoesNotContain(announced, a => a.First.Address.Equals(other) && a.Second.SequenceEqual(new byte[] { 2, 0, 0, 0, 0, 1 }));
    }

    [Fact]
    public void Transitions_AreKeptInTheClusterState_WithStateAndPriority()
    {
        using var h = new RunnerHarness();
        h.Runner.StartRouters();
        var backup = h.State.Current.Get(StateKeys.VrrpInstance("VI_1"))!;

        h.Step(TimeSpan.FromSeconds(4));

        Assert.Equal(VrrpState.Backup, backup.Value.State);
        Assert.Equal(
            new VrrpInstanceStatus("VI_1", "eth0", 51, VrrpState.Master, 100, 100) { VirtualAddresses = [RunnerHarness.Vip] },
            h.State.Current.Get(StateKeys.VrrpInstance("VI_1"))!.Value);
        Assert.Equal("vrrp", h.State.Current.Get(StateKeys.VrrpInstance("VI_1"))!.Source);
    }

    [Fact]
    public void AdvertsWhileMaster_WriteNothingMoreToTheClusterState()
    {
        using var h = new RunnerHarness();
        h.Runner.StartRouters();
        h.Step(TimeSpan.FromSeconds(4));
        var version = h.State.Current.Version;
        var sent = h.SentPriorities.Count;

        for (var i = 0; i < 10; i++)
        {
            h.Step(TimeSpan.FromSeconds(1));
        }

        Assert.True(h.SentPriorities.Count >= sent + 9, $"{h.SentPriorities.Count - sent} adverts sent");
        Assert.Equal(version, h.State.Current.Version);
    }

    [Fact]
    public void Master_AfterGarpMasterDelay_SendsSecondBurst()
    {
        using var h = new RunnerHarness(o => o with { GarpMasterDelay = 2, GarpMasterRepeat = 3 });
        h.Runner.StartRouters();
        h.Step(TimeSpan.FromSeconds(4));
        Assert.Equal(3, h.Gratuitous.Arps.Count);

        h.Step(TimeSpan.FromSeconds(2));

        Assert.Equal(6, h.Gratuitous.Arps.Count);
    }

    [Fact]
    public void BadChecksum_IsCountedByReasonAndChangesNothing()
    {
        using var h = new RunnerHarness();
        h.Runner.StartRouters();
        h.Step(TimeSpan.FromSeconds(4));
        var packet = RunnerHarness.Advert(200, RunnerHarness.Peer);
        packet[7] ^= 0xFF;

        h.Receive(packet, RunnerHarness.Peer);
        h.Step(TimeSpan.FromMilliseconds(10));

        Assert.Equal(VrrpState.Master, h.Instance.State);
        Assert.Equal(1, h.Instance.Counters.Rejected["bad_checksum"]);
        Assert.Equal(0, h.Instance.Counters.Received);
    }

    [Fact]
    public void OtherVrid_IsIgnoredWithoutCounting()
    {
        using var h = new RunnerHarness();
        h.Runner.StartRouters();
        var other = VrrpCodec.Encode(new VrrpPacket(VrrpVersion.V2, 52, 200, 1, [RunnerHarness.Vip]), RunnerHarness.Peer, RunnerHarness.Vip);

        h.Receive(other, RunnerHarness.Peer);
        h.Step(TimeSpan.FromMilliseconds(10));

        Assert.Empty(h.Instance.Counters.Rejected);
    }

    [Fact]
    public void HigherPriorityAdvert_WhileMaster_ReleasesAddressAndGoesBackup()
    {
        using var h = new RunnerHarness();
        h.Runner.StartRouters();
        h.Step(TimeSpan.FromSeconds(4));

        h.Receive(RunnerHarness.Advert(200, RunnerHarness.Peer), RunnerHarness.Peer);
        h.Step(TimeSpan.FromMilliseconds(10));

        Assert.Equal(VrrpState.Backup, h.Instance.State);
        Assert.DoesNotContain(RunnerHarness.Vip, h.Netlink.Present);
        Assert.Equal(RunnerHarness.Peer, h.Instance.MasterAddress);
        Assert.Equal(1, h.Instance.Counters.Received);
    }

    [Fact]
    public void LowerPriorityAdvert_WhileMaster_AnswersAndReannouncesAddresses()
    {
        using var h = new RunnerHarness();
        h.Runner.StartRouters();
        h.Step(TimeSpan.FromSeconds(4));
        var arpsAfterTakeover = h.Gratuitous.Arps.Count;
        var advertsAfterTakeover = h.SentPriorities.Count;

        h.Receive(RunnerHarness.Advert(50, RunnerHarness.Peer), RunnerHarness.Peer);
        h.Step(TimeSpan.FromMilliseconds(10));

        Assert.Equal(VrrpState.Master, h.Instance.State);
        Assert.Equal(advertsAfterTakeover + 1, h.SentPriorities.Count);
        Assert.Equal(arpsAfterTakeover + 5, h.Gratuitous.Arps.Count);
    }

    [Fact]
    public void VirtualRules_AreInstalledOnMasterEntry_AndRemovedOnLeavingMaster()
    {
        var rule = new RuleSpec(AddressFamily.InterNetwork, RuleAction.Table, Table: 100, Priority: 1000, Source: IPAddress.Parse("10.77.0.0"), SourceLength: 24);
        using var h = new RunnerHarness(o => o with { VirtualRules = [rule] });
        h.Runner.StartRouters();
        h.Step(TimeSpan.FromSeconds(4));
        Assert.Equal([rule], h.Netlink.Rules);

        h.Receive(RunnerHarness.Advert(200, RunnerHarness.Peer), RunnerHarness.Peer);
        h.Step(TimeSpan.FromMilliseconds(10));

        Assert.Equal(VrrpState.Backup, h.Instance.State);
        Assert.Empty(h.Netlink.Rules);
    }

    [Fact]
    public void Shutdown_AsMaster_SendsPriorityZeroAndRemovesAddresses()
    {
        using var h = new RunnerHarness();
        h.Runner.StartRouters();
        h.Step(TimeSpan.FromSeconds(4));

        h.Runner.Post(new Plugins.Vrrp.Engine.ShutdownInput());
        var running = h.Runner.RunOnce(TimeSpan.Zero);

        Assert.False(running);
        Assert.Equal(0, h.SentPriorities[^1]);
        Assert.DoesNotContain(RunnerHarness.Vip, h.Netlink.Present);
        Assert.Equal(VrrpState.Stop, h.Instance.State);
    }

    [Fact]
    public void ScriptWithWeightZero_Fails_EntersFaultAndReleases()
    {
        using var h = new RunnerHarness(o => o with { TrackScripts = [new Plugins.Vrrp.Configuration.TrackReference("chk")] });
        h.Runner.StartRouters();
        h.Step(TimeSpan.FromSeconds(4));

        h.Runner.Post(new Plugins.Vrrp.Engine.TrackInput(new TrackUpdate(TrackKind.Script, "chk", false)));
        h.Step(TimeSpan.FromMilliseconds(10));

        Assert.Equal(VrrpState.Fault, h.Instance.State);
        Assert.DoesNotContain(RunnerHarness.Vip, h.Netlink.Present);
        Assert.Equal(0, h.SentPriorities[^1]);
    }

    [Fact]
    public void ScriptWithNegativeWeight_Fails_AdvertisesLowerPriority()
    {
        using var h = new RunnerHarness(o => o with { TrackScripts = [new Plugins.Vrrp.Configuration.TrackReference("chk", -30)] });
        h.Runner.StartRouters();
        h.Step(TimeSpan.FromSeconds(4));

        h.Runner.Post(new Plugins.Vrrp.Engine.TrackInput(new TrackUpdate(TrackKind.Script, "chk", false)));
        h.Step(TimeSpan.FromMilliseconds(10));

        Assert.Equal(70, h.Instance.EffectivePriority);
        Assert.Equal(70, h.SentPriorities[^1]);
        Assert.Equal(VrrpState.Master, h.Instance.State);
    }

    [Fact]
    public void AuthPass_SendsPasswordAndRejectsWrongOne()
    {
        var auth = new Plugins.Vrrp.Configuration.VrrpAuthentication(VrrpAuthType.Pass, "secret");
        using var h = new RunnerHarness(o => o with { Authentication = auth });
        h.Runner.StartRouters();
        h.Step(TimeSpan.FromSeconds(4));
        var wrong = VrrpCodec.Encode(
            new VrrpPacket(VrrpVersion.V2, 51, 200, 1, [RunnerHarness.Vip], VrrpAuthType.Pass, VrrpCodec.AuthKey("other")), RunnerHarness.Peer, RunnerHarness.Vip);

        h.Receive(wrong, RunnerHarness.Peer);
        h.Step(TimeSpan.FromMilliseconds(10));

        Assert.Equal(VrrpCodec.AuthKey("secret"), h.Socket.Sent[0].Packet[^8..]);
        Assert.Equal(1, h.Instance.Counters.Rejected["auth_failure"]);
        Assert.Equal(VrrpState.Master, h.Instance.State);
    }

    [Fact]
    public void UnicastPeers_AdvertIsSentToEachPeer()
    {
        var peers = new[] { RunnerHarness.Peer, System.Net.IPAddress.Parse("10.0.0.3") };
        using var h = new RunnerHarness(o => o with { UnicastPeers = peers });
        h.Runner.StartRouters();

        h.Step(TimeSpan.FromSeconds(4));

        Assert.Equal(peers, h.Socket.Sent.Select(s => s.Destination));
    }

    [Fact]
    public void Master_WithGarpRefresh_RepeatsAnnouncementsPeriodically()
    {
        using var h = new RunnerHarness(o => o with { GarpMasterDelay = 0, GarpMasterRepeat = 1, GarpMasterRefresh = 10, GarpMasterRefreshRepeat = 2 });
        h.Runner.StartRouters();
        h.Step(TimeSpan.FromSeconds(4));
        Assert.Single(h.Gratuitous.Arps);

        h.Step(TimeSpan.FromSeconds(10));
        h.Step(TimeSpan.FromSeconds(10));

        Assert.Equal(5, h.Gratuitous.Arps.Count);
    }
}
