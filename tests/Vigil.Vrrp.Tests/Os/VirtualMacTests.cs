using Vigil.Plugins.Vrrp.Os;

namespace Vigil.Vrrp.Tests.Os;

public class VirtualMacTests
{
    [Theory]
    [InlineData(14, false, "00005e00010e")]
    [InlineData(14, true, "00005e00020e")]
    [InlineData(255, false, "00005e0001ff")]
    public void For_FollowsRfc5798(byte vrid, bool ipv6, string expected) =>
        Assert.Equal(expected, Convert.ToHexStringLower(VirtualMac.For(vrid, ipv6)));
}
