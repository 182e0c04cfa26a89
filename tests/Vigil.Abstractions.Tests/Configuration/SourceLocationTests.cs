using Vigil.Abstractions.Configuration;

namespace Vigil.Abstractions.Tests.Configuration;

public class SourceLocationTests
{
    [Theory]
    [InlineData("/etc/keepalived/keepalived.conf", 7, "/etc/keepalived/keepalived.conf:7")]
    [InlineData("a.conf", 1, "a.conf:1")]
    [InlineData("/etc/vigil/pxe.json", 0, "/etc/vigil/pxe.json")]
    public void ToString_IsFileAndLineWhenThereIsOne(string file, int line, string expected)
    {
        Assert.Equal(expected, new SourceLocation(file, line).ToString());
    }
}
