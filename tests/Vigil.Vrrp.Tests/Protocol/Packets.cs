using System.Net;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Vrrp.Tests.Protocol;

internal static class Packets
{
    public static readonly IPAddress Source4 = IPAddress.Parse("10.1.0.1");
    public static readonly IPAddress Group4 = IPAddress.Parse("224.0.0.18");
    public static readonly IPAddress Source6 = IPAddress.Parse("fe80::1");
    public static readonly IPAddress Group6 = IPAddress.Parse("ff02::12");

    public static VrrpReceiveContext Context4 => new(Source4, Group4, 255);

    public static VrrpReceiveContext Context6 => new(Source6, Group6, 255);

    // The seed's VI_1: vrid 14, priority 100, advert_int 1, PASS 571f97b2, 10.1.0.91.
    public static VrrpPacket SeedV2 => new(
        VrrpVersion.V2, 14, 100, 1, [IPAddress.Parse("10.1.0.91")], VrrpAuthType.Pass, VrrpCodec.AuthKey("571f97b2"));

    public static VrrpPacket V3Ipv4 => new(VrrpVersion.V3, 14, 100, 100, [IPAddress.Parse("10.1.0.91")]);

    public static VrrpPacket V3Ipv6 => new(VrrpVersion.V3, 1, 255, 100, [IPAddress.Parse("2001:db8::10")]);

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", ""));
}
