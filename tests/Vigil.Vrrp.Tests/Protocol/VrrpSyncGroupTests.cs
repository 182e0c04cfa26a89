using System.Net;
using Vigil.Abstractions.Events;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Vrrp.Tests.Protocol;

public class VrrpSyncGroupTests
{
    private static (VrrpSyncGroup Group, VrrpRouter A, VrrpRouter B) Group()
    {
        var a = new VrrpRouter(new VrrpRouterSettings("VI_1", VrrpVersion.V2, 1, 100, 1000, IPAddress.Parse("10.0.0.1"), [IPAddress.Parse("10.0.0.100")]));
        var b = new VrrpRouter(new VrrpRouterSettings("VI_2", VrrpVersion.V2, 2, 100, 1000, IPAddress.Parse("10.0.1.1"), [IPAddress.Parse("10.0.1.100")]));
        var group = new VrrpSyncGroup("G1", [a, b]);
        group.Reconcile(a, a.Start(0), 0);
        group.Reconcile(b, b.Start(500), 500);
        return (group, a, b);
    }

    [Fact]
    public void FirstExpiry_IsHeldUntilPeerAlsoWantsMaster_ThenBothBecomeMaster()
    {
        var (group, a, b) = Group();
        Assert.Empty(a.OnTimers(3609));
        Assert.True(a.WantsMaster);
        var actions = b.OnTimers(4109);
        Assert.Equal(VrrpState.Master, b.State);
        var outcome = group.Reconcile(b, actions, 4109);
        Assert.Equal(VrrpState.Master, a.State);
        Assert.Equal("sync group G1 member VI_2 entered MASTER", outcome.Forced.Single().Actions.OfType<StateChange>().Single().Reason);
        Assert.Equal(new StateChange(VrrpState.Backup, VrrpState.Master, "member VI_2 entered MASTER"), outcome.GroupTransition);
    }

    [Fact]
    public void OneMemberFault_FaultsAll_AndTheyLeaveTogether()
    {
        var (group, a, b) = Group();
        group.Reconcile(a, a.SetFault(true, "track_interface eth0 down", 1000), 1000);
        Assert.Equal(VrrpState.Fault, b.State);
        Assert.Equal(VrrpState.Fault, group.State);
        group.Reconcile(a, a.SetFault(false, "track_interface eth0 up", 2000), 2000);
        Assert.Equal(VrrpState.Backup, a.State);
        Assert.Equal(VrrpState.Backup, b.State);
    }

    [Fact]
    public void MemberWithOwnFault_HoldsPeerInFault()
    {
        var (group, a, b) = Group();
        group.Reconcile(a, a.SetFault(true, "x", 1000), 1000);
        group.Reconcile(b, b.SetFault(true, "y", 1000), 1000);
        Assert.Empty(group.Reconcile(a, a.SetFault(false, "x ok", 2000), 2000).Forced);
        Assert.Equal(VrrpState.Fault, a.State);
    }

    [Fact]
    public void MasterGoingBackup_TakesPeersToBackup()
    {
        var (group, a, b) = Group();
        a.OnTimers(3609);
        group.Reconcile(b, b.OnTimers(4109), 4109);
        var actions = a.OnAdvertisement(new VrrpPacket(VrrpVersion.V2, 1, 200, 1, [IPAddress.Parse("10.0.0.100")]), IPAddress.Parse("10.0.0.9"), 5000);
        group.Reconcile(a, actions, 5000);
        Assert.Equal(VrrpState.Backup, b.State);
        Assert.Equal(VrrpState.Backup, group.State);
    }
}
