using Vigil.Abstractions.Configuration;
using static Vigil.Vrrp.Tests.Configuration.ConfigBuilder;

namespace Vigil.Vrrp.Tests.Configuration;

public class IgnoredKeywordsTests
{
    [Theory]
    [InlineData("global_defs:vrrp_strict", "true", "'vrrp_strict' in global_defs is not supported by Vigil and is ignored")]
    [InlineData("global_defs:vrrp_garp_interval", "0.001", "'vrrp_garp_interval' in global_defs is not supported by Vigil and is ignored")]
    [InlineData("global_defs:vrrp_gna_interval", "0.001", "'vrrp_gna_interval' in global_defs is not supported by Vigil and is ignored")]
    [InlineData("global_defs:vrrp_iptables", "true", "'vrrp_iptables' in global_defs is not supported by Vigil and is ignored")]
    [InlineData("global_defs:vrrp_check_unicast_src", "true", "'vrrp_check_unicast_src' in global_defs is not supported by Vigil and is ignored")]
    [InlineData("vrrp_instance:0:check_unicast_src", "true", "'check_unicast_src' in vrrp_instance VI_1 is not supported by Vigil and is ignored")]
    [InlineData("vrrp_instance:0:debug", "2", "'debug' in vrrp_instance VI_1 is not supported by Vigil and is ignored")]
    [InlineData("vrrp_instance:0:no_accept", "true", "'no_accept' in vrrp_instance VI_1 is not supported by Vigil and is ignored")]
    [InlineData("vrrp_instance:0:garp_extra_if", "all", "'garp_extra_if' in vrrp_instance VI_1 is not supported by Vigil and is ignored")]
    [InlineData("vrrp_instance:0:virtual_ipaddress_excluded:0", "10.9.0.1", "'virtual_ipaddress_excluded' in vrrp_instance VI_1 is not supported by Vigil and is ignored")]
    [InlineData("vrrp_instance:0:notify_priority_changes", "true", "'notify_priority_changes' in vrrp_instance VI_1 is not supported by Vigil and is ignored")]
    [InlineData("vrrp_instance:0:lvs_sync_daemon_interface", "eth1", "'lvs_sync_daemon_interface' in vrrp_instance VI_1 is deprecated: use lvs_sync_daemon in global_defs")]
    [InlineData("vrrp_sync_group:0:track_script:0", "chk_nginx", "'track_script' in vrrp_sync_group G1 is not supported by Vigil and is ignored")]
    [InlineData("track_file:0:init_file", "0", "'init_file' in track_file f1 is not supported by Vigil and is ignored")]
    [InlineData("track_process:0:delay", "2", "'delay' in track_process p1 is not supported by Vigil and is ignored")]
    [InlineData("track_process:0:full_command", "true", "'full_command' in track_process p1 is not supported by Vigil and is ignored")]
    public void IgnoredKeyword_IsAWarningAtItsPath(string key, string value, string message)
    {
        var report = Validate(Seed(
            (key, value),
            ("vrrp_sync_group:0:name", "G1"), ("vrrp_sync_group:0:group:0", "VI_1"),
            ("track_file:0:name", "f1"), ("track_file:0:file", "/tmp/f1"),
            ("track_process:0:name", "p1"), ("track_process:0:process", "nginx")));

        Assert.False(report.HasErrors, string.Join("\n", report.Issues.Select(i => i.Message)));
        var issue = Assert.Single(report.Issues, i => i.Message == message);
        Assert.Equal((ConfigSeverity.Warning, key.EndsWith(":0", StringComparison.Ordinal) ? key[..^2] : key), (issue.Severity, issue.Path));
    }

    [Fact]
    public void VrrpTrackFile_IsDeprecated()
    {
        var report = Validate(Seed(("vrrp_track_file:0:name", "f1"), ("vrrp_track_file:0:file", "/tmp/f1")));

        Assert.Contains(report.Issues, i => i.Severity == ConfigSeverity.Warning && i.Path == "vrrp_track_file:0"
            && i.Message == "'vrrp_track_file' is deprecated: use 'track_file' instead");
    }

    [Fact]
    public void HonouredKeywords_GiveNoWarning()
    {
        var report = Validate(Seed(("vrrp_instance:0:garp_master_delay", "1"), ("vrrp_instance:0:accept", "true"), ("global_defs:vrrp_skip_check_adv_addr", "true")));

        Assert.Empty(report.Issues);
    }
}
