using System.Net.Sockets;
using Vigil.Linux;
using Vigil.Linux.Netlink.Route;
using Vigil.Plugins.Vrrp.Os;
using Vigil.Vrrp.Tests.Engine;

namespace Vigil.Vrrp.Tests.Os;

public class RuleSetTests
{
    private static readonly RuleSpec First = new(AddressFamily.InterNetwork, RuleAction.Table, Table: 1, Priority: 100);
    private static readonly RuleSpec Second = new(AddressFamily.InterNetwork, RuleAction.Table, Table: 2, Priority: 101);

    [Fact]
    public void Add_Twice_InstallsEachRuleOnce_AndRemoveDeletesThem()
    {
        var netlink = new FakeNetlink();
        var set = new RuleSet([First, Second]);

        set.Add(netlink, Fail);
        set.Add(netlink, Fail);
        var installed = netlink.Rules.ToList();
        set.Remove(netlink, Fail);
        set.Remove(netlink, Fail);

        Assert.Equal([First, Second], installed);
        Assert.Empty(netlink.Rules);
        Assert.False(set.AnyInstalled);
    }

    [Fact]
    public void Add_FailingRule_IsReportedAndRetriedNextTime()
    {
        var netlink = new FailingNetlink { FailAdds = 1 };
        var failures = new List<RuleSpec>();
        var set = new RuleSet([First]);

        set.Add(netlink, (r, _) => failures.Add(r));
        var afterFailure = set.AnyInstalled;
        set.Add(netlink, (r, _) => failures.Add(r));

        Assert.Equal([First], failures);
        Assert.False(afterFailure);
        Assert.True(set.AnyInstalled);
    }

    private static void Fail(RuleSpec rule, Exception e) => Assert.Fail($"{rule}: {e.Message}");

    private sealed class FailingNetlink : INetlinkClient
    {
        public int FailAdds { get; set; }

        public void AddRule(RuleSpec spec)
        {
            if (FailAdds-- > 0)
            {
                throw new OsException("add rule", Errno.EINVAL);
            }
        }

        public void DeleteRule(RuleSpec spec)
        {
        }

        public void AddAddress(AddressSpec spec) => throw new NotSupportedException();

        public void DeleteAddress(AddressSpec spec) => throw new NotSupportedException();

        public void AddRoute(RouteSpec spec) => throw new NotSupportedException();

        public void DeleteRoute(RouteSpec spec) => throw new NotSupportedException();

        public int CreateMacvlan(string name, int parentIndex, byte[] mac) => throw new NotSupportedException();

        public void DeleteLink(int index) => throw new NotSupportedException();

        public void SetLinkUp(int index, bool up) => throw new NotSupportedException();

        public LinkInfo? GetLink(int index) => null;

        public LinkInfo? GetLink(string name) => null;

        public IReadOnlyList<AddressInfo> ListAddresses(int index, AddressFamily family = AddressFamily.Unspecified) => [];

        public void Dispose()
        {
        }
    }
}
