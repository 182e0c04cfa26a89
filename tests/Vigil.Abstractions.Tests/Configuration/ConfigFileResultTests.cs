using Vigil.Abstractions.Configuration;

namespace Vigil.Abstractions.Tests.Configuration;

public class ConfigFileResultTests
{
    private static readonly SourceLocation Where = new("/etc/dhcp/dhcpd.conf", 3);

    [Fact]
    public void HasErrors_WithAnError_IsTrue()
    {
        var result = new ConfigFileResult(null, ["/etc/dhcp/dhcpd.conf"],
            [new ConfigIssue(ConfigSeverity.Warning, Where, "", "unused"), new ConfigIssue(ConfigSeverity.Error, Where, "", "bad host")]);

        Assert.True(result.HasErrors);
    }

    [Fact]
    public void HasErrors_WarningsOnly_IsFalse()
    {
        var result = new ConfigFileResult("doc", ["/etc/dhcp/dhcpd.conf"], [new ConfigIssue(ConfigSeverity.Warning, Where, "", "unused")]);

        Assert.False(result.HasErrors);
    }

    [Fact]
    public void HasErrors_NoIssues_IsFalse()
    {
        Assert.False(new ConfigFileResult("doc", [], []).HasErrors);
    }

    [Fact]
    public void Empty_HasNothing()
    {
        Assert.Null(ConfigFileResult.Empty.Document);
        Assert.Empty(ConfigFileResult.Empty.Files);
        Assert.Empty(ConfigFileResult.Empty.Issues);
        Assert.False(ConfigFileResult.Empty.HasErrors);
    }
}
