using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Events;
using Vigil.Plugins.Vrrp.Configuration;
using static Vigil.Vrrp.Tests.Configuration.ConfigBuilder;

namespace Vigil.Vrrp.Tests.Configuration;

public class VrrpConfigValidatorTests
{
    private const string I = "vrrp_instance:0:";

    [Fact]
    public void Seed_IsValidAndParsed()
    {
        var report = Validate(SeedVi1);
        Assert.Empty(report.Issues);
        var config = VrrpConfigurationReader.Read(Build(SeedVi1), report);
        var vi1 = Assert.Single(config.Instances);
        Assert.Equal((VrrpState.Master, "eno16777736", 14, 100), (vi1.InitialState, vi1.Interface, vi1.VirtualRouterId, vi1.Priority));
        Assert.Equal("224.0.100.19", config.Global.McastGroup4.ToString());
        Assert.Equal(-5, config.Scripts["chk_nginx"].Weight);
    }

    [Fact]
    public void SeedAddressForms_Parse()
    {
        var config = VrrpConfigurationReader.Read(Build(Seed(
            (I + "virtual_ipaddress:0", "172.16.100.71/32 dev eno16777736 brd 172.16.100.71 label eno16777736:0"),
            (I + "virtual_ipaddress:1", "172.16.100.99"))), Validate(SeedVi1));
        var addresses = config.Instances[0].VirtualAddresses;
        Assert.Equal(new VirtualAddress(System.Net.IPAddress.Parse("172.16.100.71"), 32, "eno16777736", "172.16.100.71", null, "eno16777736:0"), addresses[0]);
        Assert.Equal(32, addresses[1].PrefixLength);
    }

    [Theory]
    [InlineData("priority", "300", "priority 300 out of range 1-255 in vrrp_instance VI_1")]
    [InlineData("priority", "0", "priority 0 out of range 1-255 in vrrp_instance VI_1")]
    [InlineData("virtual_router_id", "256", "virtual_router_id 256 out of range 1-255 in vrrp_instance VI_1")]
    [InlineData("interface", null, "missing interface in vrrp_instance VI_1")]
    [InlineData("virtual_router_id", null, "missing virtual_router_id in vrrp_instance VI_1")]
    [InlineData("virtual_ipaddress:0", "10.1.0.300/16", "invalid address '10.1.0.300/16' in virtual_ipaddress of vrrp_instance VI_1")]
    [InlineData("track_script:1", "chk_x", "track_script 'chk_x' in vrrp_instance VI_1 is not defined by any vrrp_script")]
    [InlineData("advert_int", "0.005", "advert_int 0.005 out of range 0.01-255 in vrrp_instance VI_1")]
    [InlineData("advert_int", "0.5", "advert_int 0.5 must be a whole number of seconds with version 2 in vrrp_instance VI_1")]
    [InlineData("foo", "bar", "unknown keyword 'foo' in vrrp_instance VI_1")]
    [InlineData("state", "SLAVE", "state must be MASTER or BACKUP in vrrp_instance VI_1 (got 'SLAVE')")]
    [InlineData("authentication:auth_type", "MD5", "auth_type must be PASS or AH in vrrp_instance VI_1 (got 'MD5')")]
    [InlineData("version", "4", "version must be 2 or 3 in vrrp_instance VI_1 (got '4')")]
    [InlineData("preempt_delay", "2000", "preempt_delay 2000 out of range 0-1000 in vrrp_instance VI_1")]
    [InlineData("unicast_peer:0", "10.0.0", "invalid address '10.0.0' in unicast_peer of vrrp_instance VI_1")]
    [InlineData("track_interface:0", "eth0 weight 300", "weight 300 out of range -253-253 in track_interface of vrrp_instance VI_1")]
    public void InstanceProblem_IsReportedAsError(string key, string? value, string message)
    {
        var report = Validate(Seed((I + key, value)));
        Assert.Contains(report.Issues, i => i.Severity == ConfigSeverity.Error && i.Message == message);
    }

    [Theory]
    [InlineData("authentication:auth_pass", "123456789", "auth_pass longer than 8 characters is truncated to 8 in vrrp_instance VI_1")]
    [InlineData("nopreempt", "true", "nopreempt does not work with state MASTER in vrrp_instance VI_1")]
    public void InstanceProblem_IsReportedAsWarning(string key, string value, string message)
    {
        var report = Validate(Seed((I + key, value)));
        Assert.False(report.HasErrors);
        Assert.Contains(report.Issues, i => i.Severity == ConfigSeverity.Warning && i.Message == message);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("no", false)]
    [InlineData("false", false)]
    [InlineData("off", false)]
    [InlineData("0", false)]
    public void Flag_ReadsKeepalivedBooleans(string? value, bool expected)
    {
        var report = Validate(Seed((I + "higher_prio_send_advert", value)));
        var config = VrrpConfigurationReader.Read(Build(Seed((I + "higher_prio_send_advert", value))), report);

        Assert.False(report.HasErrors);
        Assert.Equal(expected, config.Instances[0].HigherPrioritySendAdvert);
    }

    [Fact]
    public void Flag_NotABoolean_IsAnError()
    {
        var report = Validate(Seed((I + "higher_prio_send_advert", "sometimes")));

        Assert.Contains(report.Issues, i => i.Severity == ConfigSeverity.Error && i.Message == "invalid higher_prio_send_advert 'sometimes' in vrrp_instance VI_1 (expected yes or no)");
    }

    [Fact]
    public void NotifyKeyword_WithNotifyDisabled_IsAWarningNamingTheModule()
    {
        var report = new ValidationReport(NullLocator.Instance, new KeywordClaims(Vigil.Host.Configuration.Validation.KnownOwners.NestedKeywordsOf("notify").Select(c => ("notify", false, c))));
        new VrrpConfigValidator().Validate(Build(SeedVi1), report);

        Assert.False(report.HasErrors);
        Assert.Contains(report.Issues, i => i.Message == "'notify_master' in vrrp_instance VI_1 needs module 'notify', which is not enabled; ignored");
    }

    [Fact]
    public void V3_AcceptsCentisecondInterval()
    {
        var report = Validate(Seed((I + "version", "3"), (I + "advert_int", "0.05"), (I + "authentication:auth_type", null), (I + "authentication:auth_pass", null)));
        Assert.Empty(report.Issues);
    }

    [Fact]
    public void DuplicateVridOnInterface_SameFamily_IsError()
    {
        var values = Seed(("vrrp_instance:1:name", "VI_2"), ("vrrp_instance:1:interface", "eno16777736"), ("vrrp_instance:1:virtual_router_id", "14"),
            ("vrrp_instance:1:virtual_ipaddress:0", "10.1.0.94"));
        Assert.Contains(Validate(values).Issues, i => i.Message == "duplicate virtual_router_id 14 on interface eno16777736 (vrrp_instance VI_1 and VI_2)");
    }

    [Fact]
    public void DuplicateVridOnInterface_OtherFamily_IsAllowed()
    {
        var values = Seed(("vrrp_instance:1:name", "VI_2"), ("vrrp_instance:1:interface", "eno16777736"), ("vrrp_instance:1:virtual_router_id", "14"),
            ("vrrp_instance:1:version", "3"), ("vrrp_instance:1:virtual_ipaddress:0", "2001:db8::1/64"));
        Assert.Empty(Validate(values).Issues);
    }

    [Fact]
    public void SyncGroupMemberUndefined_IsError()
    {
        var values = Seed(("vrrp_sync_group:0:name", "G1"), ("vrrp_sync_group:0:group:0", "VI_1"), ("vrrp_sync_group:0:group:1", "VI_9"));
        Assert.Contains(Validate(values).Issues, i => i.Message == "vrrp_sync_group G1 member 'VI_9' is not defined by any vrrp_instance");
    }

    [Fact]
    public void BadMulticastGroup_IsError() =>
        Assert.Contains(Validate(Seed(("global_defs:vrrp_mcast_group4", "10.0.0.1"))).Issues,
            i => i.Message == "vrrp_mcast_group4 '10.0.0.1' is not an IPv4 multicast address in global_defs");

    [Fact]
    public void ScriptWithoutCommand_IsError() =>
        Assert.Contains(Validate(Seed(("vrrp_script:0:script", null))).Issues, i => i.Message == "missing script in vrrp_script chk_down");
}
