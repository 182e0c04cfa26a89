using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Notify.Configuration;
using Vigil.Plugins.Notify.Rules;

namespace Vigil.Notify.Tests.Configuration;

public sealed class ServerPatternTests
{
    [Theory]
    [InlineData("10.1.0.93 80", "10.1.0.93 80", true)]
    [InlineData("10.1.0.93   80", "10.1.0.93 80", true)]
    [InlineData("10.1.0.93:80/tcp", "10.1.0.93 80", true)]
    [InlineData("10.1.0.93 *", "10.1.0.93 443", true)]
    [InlineData("10.1.0.* 80", "10.1.0.94 80", true)]
    [InlineData("10.1.0.* 80", "10.1.0.94 81", false)]
    [InlineData("2001:db8::* 80", "2001:db8::5 80", true)]
    [InlineData("fwmark 7", "fwmark 7", true)]
    [InlineData("group web", "group web", true)]
    [InlineData("10.1.0.93 80", "10.1.0.94 80", false)]
    public void VirtualServer_KeepalivedFormsAndGlobs_MatchTheKeysEventsCarry(string pattern, string server, bool matches) =>
        Assert.Equal(matches, NameMatcher.Glob(ServerPattern.VirtualServer(pattern)).IsMatch(VirtualServerKey.Parse(server).ToString()));

    [Theory]
    [InlineData("10.1.0.69 80", "10.1.0.69 80", true)]
    [InlineData("10.1.0.69", "10.1.0.69 8080", true)]
    [InlineData("10.1.0.* 80", "10.1.0.70 80", true)]
    [InlineData("10.1.0.* 80", "10.1.0.70 81", false)]
    [InlineData("[2001:db8::1]:80", "2001:db8::1 80", true)]
    public void RealServer_KeepalivedFormsAndGlobs_MatchTheKeysEventsCarry(string pattern, string server, bool matches) =>
        Assert.Equal(matches, NameMatcher.Glob(ServerPattern.RealServer(pattern)).IsMatch(RealServerKey.Parse(server).ToString()));
}
