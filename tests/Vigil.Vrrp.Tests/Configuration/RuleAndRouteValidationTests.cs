using Vigil.Abstractions.Configuration;
using Vigil.Plugins.Vrrp.Configuration;
using static Vigil.Vrrp.Tests.Configuration.ConfigBuilder;

namespace Vigil.Vrrp.Tests.Configuration;

public class RuleAndRouteValidationTests
{
    private const string I = "vrrp_instance:0:";

    [Theory]
    [InlineData(I + "virtual_rules:0", "from 192.168.28.0/24", "invalid virtual_rules line 'from 192.168.28.0/24' in vrrp_instance VI_1: no action (table, goto, nop, blackhole, unreachable or prohibit)")]
    [InlineData(I + "virtual_rules:0", "from 192.168.28.0/24 table 1 bogus", "invalid virtual_rules line 'from 192.168.28.0/24 table 1 bogus' in vrrp_instance VI_1: unknown rule option 'bogus'")]
    [InlineData("static_rules:0", "to 10.0.0.300 table 1", "invalid static_rules line 'to 10.0.0.300 table 1': invalid to address '10.0.0.300'")]
    [InlineData(I + "virtual_routes:0", "10.0.0.0/33 dev eth0", "invalid virtual_routes line '10.0.0.0/33 dev eth0' in vrrp_instance VI_1: invalid destination '10.0.0.0/33'")]
    [InlineData(I + "virtual_routes:0", "10.0.0.0/8 via 10.1.0.300", "invalid virtual_routes line '10.0.0.0/8 via 10.1.0.300' in vrrp_instance VI_1: invalid via address '10.1.0.300'")]
    [InlineData(I + "virtual_routes:0", "10.0.0.0/8 via 10.1.0.1 onlink", "invalid virtual_routes line '10.0.0.0/8 via 10.1.0.1 onlink' in vrrp_instance VI_1: unsupported route option 'onlink'")]
    [InlineData(I + "virtual_routes:0", "blackhole 10.0.0.0/8", "invalid virtual_routes line 'blackhole 10.0.0.0/8' in vrrp_instance VI_1: route type 'blackhole' is not supported by Vigil")]
    [InlineData(I + "virtual_routes:0", "src 10.1.0.93 to 10.10.0.0/16 via 10.1.0.254", "invalid virtual_routes line 'src 10.1.0.93 to 10.10.0.0/16 via 10.1.0.254' in vrrp_instance VI_1: 'src' before the destination is not supported by Vigil; write the destination first")]
    [InlineData("static_routes:0", "default via 10.1.0.1 table wan", "invalid static_routes line 'default via 10.1.0.1 table wan': routing table 'wan' must be a number or main")]
    public void BadLine_IsAnErrorAtTheLine(string key, string value, string message)
    {
        var report = Validate(Seed((key, value)));

        var issue = Assert.Single(report.Issues);
        Assert.Equal((ConfigSeverity.Error, key, message), (issue.Severity, issue.Path, issue.Message));
    }

    [Fact]
    public void RouteOptionVigilDoesNotInstall_IsAWarning()
    {
        var report = Validate(Seed((I + "virtual_routes:0", "10.0.0.0/8 via 10.1.0.1 mtu 1400")));

        var issue = Assert.Single(report.Issues);
        Assert.Equal((ConfigSeverity.Warning, "'mtu' in virtual_routes of vrrp_instance VI_1 is not supported by Vigil and is ignored"), (issue.Severity, issue.Message));
    }

    [Fact]
    public void RulesWithoutPreference_GetKeepalivedsDescendingDefaults_StaticFirst_WithAWarning()
    {
        var values = Seed(("static_rules:0", "from 10.1.0.0/16 table 1"), (I + "virtual_rules:0", "from 10.2.0.0/16 table 2"),
            (I + "virtual_rules:1", "to fd00::/8 table 3"), (I + "virtual_rules:2", "iif eth0 preference 7 table 4"));
        var report = Validate(values);

        var config = VrrpConfigurationReader.Read(Build(values), new ValidationReport(new NullLocatorForTests()));

        Assert.Equal([16384u], config.StaticRules.Select(r => r.Priority!.Value));
        Assert.Equal([16383u, 16384u, 7u], config.Instances[0].VirtualRules.Select(r => r.Priority!.Value));
        Assert.Equal(
            [
                "rule 'from 10.1.0.0/16 table 1' in static_rules has no preference; using 16384",
                "rule 'from 10.2.0.0/16 table 2' in virtual_rules of vrrp_instance VI_1 has no preference; using 16383",
                "rule 'to fd00::/8 table 3' in virtual_rules of vrrp_instance VI_1 has no preference; using 16384",
            ],
            report.Issues.Where(i => i.Severity == ConfigSeverity.Warning).Select(i => i.Message));
        Assert.False(report.HasErrors);
    }

    private sealed class NullLocatorForTests : IConfigLocator
    {
        public SourceLocation? Locate(string path) => null;
    }
}
