using Vigil.Abstractions.Configuration;

namespace Vigil.Abstractions.Tests.Configuration;

public class ConfigIssueTests
{
    [Fact]
    public void ToString_Error_IsFileLineErrorMessage()
    {
        var issue = new ConfigIssue(ConfigSeverity.Error, new SourceLocation("/etc/keepalived/keepalived.conf", 12), "vrrp_instance:0:priority", "priority 300 out of range 1-255 in vrrp_instance VI_1");

        Assert.Equal("/etc/keepalived/keepalived.conf:12: error: priority 300 out of range 1-255 in vrrp_instance VI_1", issue.ToString());
    }

    [Fact]
    public void ToString_Warning_SaysWarning()
    {
        var issue = new ConfigIssue(ConfigSeverity.Warning, new SourceLocation("a.conf", 1), "x", "deprecated");

        Assert.Equal("a.conf:1: warning: deprecated", issue.ToString());
    }

    [Fact]
    public void ToString_NoLocation_SaysConfiguration()
    {
        Assert.Equal("<configuration>: error: bad", new ConfigIssue(ConfigSeverity.Error, null, "x", "bad").ToString());
    }

    [Fact]
    public void ToString_LocationWithoutLine_IsTheFileAlone()
    {
        Assert.Equal("/etc/vigil/pxe.json: error: bad", new ConfigIssue(ConfigSeverity.Error, new SourceLocation("/etc/vigil/pxe.json", 0), "", "bad").ToString());
    }
}
