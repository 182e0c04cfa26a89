using Vigil.Linux.Netlink;
using Vigil.Linux.Netlink.Generic;
using Vigil.Linux.Sockets;
using Vigil.Linux.Tests.Netlink.Route;

namespace Vigil.Linux.Tests.Netlink.Generic;

public class GenericFamilyResolverTests
{
    [Fact]
    public void GetFamily_Nlctrl_MatchesGoldenBytes()
    {
        var bytes = GenericFamilyResolver.GetFamily(1, "nlctrl");

        Assert.Equal(
            NetlinkRequestsTests.Hex("20000000 1000 0100 01000000 00000000 03010000 0b000200 6e6c6374726c00 00"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void Decode_NewFamilyReply_ReadsIdNameVersionHeaderSizeAndMaxAttribute()
    {
        var bytes = Convert.FromHexString(NetlinkRequestsTests.Hex(
            "40000000 1000 0000 05000000 00000000 01020000 " +
            "06000100 2300 0000 09000200 4950565300 000000 08000300 01000000 08000400 00000000 08000500 09000000"));

        var family = GenericFamilyResolver.Decode(Assert.Single(NetlinkParser.Messages(bytes)));

        Assert.Equal(new GenericNetlinkFamily(0x23, "IPVS", 1, 0, 9), family);
    }

    [Fact]
    public void Decode_OtherCommand_IsNull()
    {
        var bytes = GenericNetlink.Request(0x10, 0, 1, 3, 1).AttributeString(2, "IPVS").ToArray();

        Assert.Null(GenericFamilyResolver.Decode(Assert.Single(NetlinkParser.Messages(bytes))));
    }

    [Fact]
    public void TryResolve_Nlctrl_IsTheControllerAt0x10()
    {
        using var socket = NetlinkSocket.Open(LinuxConstants.NETLINK_GENERIC);

        Assert.True(GenericFamilyResolver.TryResolve(socket, "nlctrl", out var family));

        Assert.Equal(((ushort)0x10, "nlctrl"), (family.Id, family.Name));
        Assert.True(family.Version >= 1, family.ToString());
    }

    /// <summary>
    /// This machine's kernel has no ip_vs module, so IPVS is "not available", not an error. Asking may make the kernel
    /// load ip_vs where it exists, so whether it is there is read after the request.
    /// </summary>
    [Fact]
    public void TryResolve_Ipvs_IsNotAvailableWithoutTheIpVsModule()
    {
        using var socket = NetlinkSocket.Open(LinuxConstants.NETLINK_GENERIC);

        var resolved = GenericFamilyResolver.TryResolve(socket, "IPVS", out var family);
        var loaded = Directory.Exists("/sys/module/ip_vs");

        Assert.Equal(loaded, resolved);
        Assert.Equal(loaded ? "IPVS" : null, family?.Name);
    }

    [Fact]
    public void TryResolve_UnknownFamily_IsFalseAndTheSocketGoesOn()
    {
        using var socket = NetlinkSocket.Open(LinuxConstants.NETLINK_GENERIC);

        var unknown = GenericFamilyResolver.TryResolve(socket, "vigil-none", out var family);

        Assert.False(unknown);
        Assert.Null(family);
        Assert.True(GenericFamilyResolver.TryResolve(socket, "nlctrl", out _));
    }

    [Fact]
    public void TryResolve_RouteSocket_Throws()
    {
        using var socket = NetlinkSocket.Open(LinuxConstants.NETLINK_ROUTE);

        Assert.Throws<ArgumentException>(() => GenericFamilyResolver.TryResolve(socket, "nlctrl", out _));
    }
}
