using Vigil.Linux.Netlink.Route;
using Vigil.Plugins.Vrrp.Engine;
using Vigil.Plugins.Vrrp.Os;
using static Vigil.Vrrp.Tests.Configuration.ConfigBuilder;

namespace Vigil.Vrrp.Tests.Engine;

public class StaticAddressesTests
{
    [Fact]
    public async Task ApplyAsync_StaticRules_AreAddedWithTheirPreferences_BadLinesSkipped()
    {
        var netlink = new FakeNetlink();
        var configuration = Build(Seed(
            ("static_rules:0", "from 192.168.28.0/24 table 1 preference 100"),
            ("static_rules:1", "from 192.168.29.0/24 table 0"),
            ("static_rules:2", "to 10.9.0.0/16 lookup 2")));

        await StaticAddresses.ApplyAsync(configuration, new Platform(netlink));

        Assert.Equal([(100u, 1u), (16384u, 2u)], netlink.Rules.Select(r => (r.Priority!.Value, r.Table)));
    }

    private sealed class Platform(FakeNetlink netlink) : IVrrpPlatform
    {
        public INetlinkClient OpenNetlink() => netlink;

        public IVrrpSocket OpenSocket(VrrpSocketOptions options) => throw new NotSupportedException();

        public IGratuitousSender OpenGratuitous() => throw new NotSupportedException();

        public ILinkMonitor OpenLinkMonitor() => throw new NotSupportedException();

        public void SetSysctl(string path, string value)
        {
        }
    }
}
