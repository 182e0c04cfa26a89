using System.Net.Sockets;
using Vigil.Abstractions.VirtualServers;
using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers.Configuration;

namespace Vigil.Checkers.Tests.Configuration;

public sealed class CheckConfigReaderTests
{
    [Fact]
    public void KeysServersAsTheVirtualServerOwnerDoes()
    {
        var checker = new FakeChecker();
        var configuration = TreeConfig.Build(
            ("virtual_server:0:name", "10.0.0.1 53"),
            ("virtual_server:0:protocol", "UDP"),
            ("virtual_server:0:real_server:0:name", "10.0.0.2"),
            ("virtual_server:0:real_server:0:weight", "4"),
            ("virtual_server:0:real_server:0:FAKE_CHECK:id", "a"),
            ("virtual_server:1:name", "fwmark 7"),
            ("virtual_server:1:ip_family", "inet6"),
            ("virtual_server:1:real_server:0:name", "2001:db8::2 80"),
            ("virtual_server:1:real_server:0:FAKE_CHECK:0:id", "b"),
            ("virtual_server:1:real_server:0:FAKE_CHECK:1:id", "c"),
            ("virtual_server:2:name", "group web"),
            ("virtual_server:2:real_server:0:name", "10.0.0.3 80"),
            ("virtual_server:2:real_server:0:OTHER_CHECK:id", "d"));

        var definitions = CheckConfigReader.Read(configuration, [checker]);

        Assert.Equal(3, definitions.Count);
        var udp = definitions[0].Identity;
        Assert.Equal(VirtualServerKey.ForEndpoint(System.Net.IPAddress.Parse("10.0.0.1"), 53, TransportProtocol.Udp), udp.VirtualServer);
        Assert.Equal(RealServerKey.Parse("10.0.0.2 53"), udp.RealServer);
        Assert.Equal(4, definitions[0].Settings.Context.Weight);
        Assert.Equal(0, udp.Settings.Context.Weight);
        Assert.Equal(VirtualServerKey.ForFwmark(7, AddressFamily.InterNetworkV6), definitions[1].Identity.VirtualServer);
        Assert.NotEqual(definitions[1].Identity, definitions[2].Identity);
    }

    [Fact]
    public void IdenticalBlocksInOneServerAreTwoChecks()
    {
        var configuration = TreeConfig.Build(
            ("virtual_server:0:name", "10.0.0.1 80"),
            ("virtual_server:0:real_server:0:name", "10.0.0.2 80"),
            ("virtual_server:0:real_server:0:FAKE_CHECK:0:id", "a"),
            ("virtual_server:0:real_server:0:FAKE_CHECK:1:id", "a"));
        var definitions = CheckConfigReader.Read(configuration, [new FakeChecker()]);
        Assert.Equal([0, 1], definitions.Select(d => d.Identity.Ordinal));
    }

    [Fact]
    public void BlocksWithErrorsAreLeftOut()
    {
        var configuration = TreeConfig.Build(
            ("virtual_server:0:name", "10.0.0.1 80"),
            ("virtual_server:0:real_server:0:name", "10.0.0.2 80"),
            ("virtual_server:0:real_server:0:FAKE_CHECK:retry", "x"));
        Assert.Empty(CheckConfigReader.Read(configuration, [new FakeChecker()]));
    }

    [Fact]
    public void OmegaAndGlobalOptionsAreRead()
    {
        var configuration = TreeConfig.Build(
            ("global_defs:checker_log_all_failures", "true"),
            ("global_defs:rs_init_notifies", "no"),
            ("virtual_server:0:name", "10.0.0.1 80"),
            ("virtual_server:0:omega", "true"),
            ("virtual_server:1:name", "10.0.0.1 81"));
        Assert.Equal([VirtualServerKey.Parse("10.0.0.1 80")], CheckConfigReader.OmegaServers(configuration));
        Assert.Equal(new CheckerOptions(true, false), CheckerOptions.Read(configuration));
    }

    [Fact]
    public void GlobalFlagsAreValidated()
    {
        var configuration = TreeConfig.Build(("global_defs:rs_init_notifies", "maybe"));
        var report = new Vigil.Abstractions.Configuration.ValidationReport(configuration.Locator);
        new CheckerGlobalsValidator().Validate(configuration, report);
        Assert.Equal("invalid rs_init_notifies 'maybe' in global_defs (expected yes or no)", Assert.Single(report.Issues).Message);
    }
}
