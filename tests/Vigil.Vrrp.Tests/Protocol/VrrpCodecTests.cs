using System.Net;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Vrrp.Tests.Protocol;

public class VrrpCodecTests
{
    // Hand-computed: 21 = v2/advert, 0e vrid, 64 prio, 01 count, 01 PASS, 01 s, checksum, 10.1.0.91, "571f97b2".
    private const string SeedV2Hex = "210e6401 0101 6d8c 0a01005b 3537316639376232";
    private const string V3Ipv4Hex = "310e6401 0064 759f 0a01005b";
    private const string V3Ipv6Hex = "3101ff01 0064 a3b0 20010db8000000000000000000000010";

    [Fact]
    public void Encode_SeedV2Pass_MatchesHandComputedBytes() =>
        Assert.Equal(Packets.Hex(SeedV2Hex), VrrpCodec.Encode(Packets.SeedV2, Packets.Source4, Packets.Group4));

    [Fact]
    public void Encode_V3Ipv4_UsesPseudoHeaderChecksum() =>
        Assert.Equal(Packets.Hex(V3Ipv4Hex), VrrpCodec.Encode(Packets.V3Ipv4, Packets.Source4, Packets.Group4));

    [Fact]
    public void Encode_V3Ipv6_UsesIpv6PseudoHeaderChecksum() =>
        Assert.Equal(Packets.Hex(V3Ipv6Hex), VrrpCodec.Encode(Packets.V3Ipv6, Packets.Source6, Packets.Group6));

    [Fact]
    public void Decode_SeedV2_ReturnsPacketWithChecksum()
    {
        var result = VrrpCodec.Decode(Packets.Hex(SeedV2Hex), Packets.Context4, SeedExpectation);
        Assert.True(result.IsAccepted);
        Assert.Equal(Packets.SeedV2 with { Checksum = 0x6d8c }, result.Packet);
        Assert.Equal(1, result.Packet!.AddressCount);
        Assert.Equal(1, result.Packet.Type);
    }

    [Fact]
    public void Decode_V3Ipv6_ReturnsPacket() =>
        Assert.Equal(Packets.V3Ipv6 with { Checksum = 0xa3b0 }, VrrpCodec.Decode(Packets.Hex(V3Ipv6Hex), Packets.Context6).Packet);

    [Theory]
    [InlineData("210e", "TooShort")]
    [InlineData("210e6401 0101 6d8c 0a01005b 35373166393762", "TooShort")]
    [InlineData("210e6401 0101 6d8c 0a01005b 3537316639376232 00", "BadLength")]
    [InlineData("410e6401 0101 6d8c 0a01005b 3537316639376232", "BadVersion")]
    [InlineData("220e6401 0101 6d8c 0a01005b 3537316639376232", "BadType")]
    [InlineData("210e6401 0101 6d8d 0a01005b 3537316639376232", "BadChecksum")]
    public void Decode_Malformed_Rejects(string hex, string expected) =>
        Assert.Equal(Enum.Parse<VrrpRejectReason>(expected), VrrpCodec.Decode(Packets.Hex(hex), Packets.Context4).Reason);

    [Fact]
    public void Decode_Ttl254_RejectsBadTtl() =>
        Assert.Equal(VrrpRejectReason.BadTtl, VrrpCodec.Decode(Packets.Hex(SeedV2Hex), Packets.Context4 with { TtlOrHopLimit = 254 }).Reason);

    [Fact]
    public void Decode_Ttl254WithUnicastExpectation_Accepts() =>
        Assert.True(VrrpCodec.Decode(Packets.Hex(SeedV2Hex), Packets.Context4 with { TtlOrHopLimit = 1 }, SeedExpectation with { CheckTtl = false }).IsAccepted);

    [Fact]
    public void Decode_V2OverIpv6_RejectsBadVersion() =>
        Assert.Equal(VrrpRejectReason.BadVersion, VrrpCodec.Decode(Packets.Hex(SeedV2Hex), Packets.Context6).Reason);

    [Theory]
    [InlineData("vrid")]
    [InlineData("vrid0")]
    [InlineData("password")]
    [InlineData("authtype")]
    [InlineData("badauth")]
    [InlineData("interval")]
    [InlineData("interval0")]
    [InlineData("empty")]
    [InlineData("count")]
    [InlineData("list")]
    [InlineData("version")]
    public void Decode_AgainstExpectation_RejectsMismatch(string name)
    {
        var (packet, expect, reason) = ExpectationMismatches[name];
        var bytes = VrrpCodec.Encode(packet, Packets.Source4, Packets.Group4);
        Assert.Equal(reason, VrrpCodec.Decode(bytes, Packets.Context4, expect).Reason);
    }

    private static readonly Dictionary<string, (VrrpPacket, VrrpExpectation, VrrpRejectReason)> ExpectationMismatches = new()
    {
        ["vrid"] = (Packets.SeedV2 with { VirtualRouterId = 15 }, SeedExpectation, VrrpRejectReason.VridMismatch),
        ["vrid0"] = (Packets.SeedV2 with { VirtualRouterId = 0 }, SeedExpectation, VrrpRejectReason.InvalidVrid),
        ["password"] = (Packets.SeedV2 with { AuthData = VrrpCodec.AuthKey("wrong") }, SeedExpectation, VrrpRejectReason.AuthFailure),
        ["authtype"] = (Packets.SeedV2 with { AuthType = VrrpAuthType.None }, SeedExpectation, VrrpRejectReason.AuthTypeMismatch),
        ["badauth"] = (Packets.SeedV2 with { AuthType = (VrrpAuthType)7 }, SeedExpectation, VrrpRejectReason.InvalidAuthType),
        ["interval"] = (Packets.SeedV2 with { AdvertisementInterval = 2 }, SeedExpectation, VrrpRejectReason.IntervalMismatch),
        ["interval0"] = (Packets.SeedV2 with { AdvertisementInterval = 0 }, SeedExpectation, VrrpRejectReason.BadInterval),
        ["empty"] = (Packets.SeedV2 with { Addresses = [] }, SeedExpectation, VrrpRejectReason.EmptyAddresses),
        ["count"] = (Packets.SeedV2 with { Addresses = [IPAddress.Parse("10.1.0.91"), IPAddress.Parse("10.1.0.92")] }, SeedExpectation with { Addresses = [IPAddress.Parse("10.1.0.91")] }, VrrpRejectReason.AddressCountMismatch),
        ["list"] = (Packets.SeedV2 with { Addresses = [IPAddress.Parse("10.1.0.92")] }, SeedExpectation with { Addresses = [IPAddress.Parse("10.1.0.91")] }, VrrpRejectReason.AddressListMismatch),
        ["version"] = (Packets.V3Ipv4, SeedExpectation, VrrpRejectReason.BadVersion),
    };

    [Fact]
    public void Decode_V3WithOtherInterval_AcceptsAndReportsIt()
    {
        var bytes = VrrpCodec.Encode(Packets.V3Ipv4 with { AdvertisementInterval = 5 }, Packets.Source4, Packets.Group4);
        var result = VrrpCodec.Decode(bytes, Packets.Context4, new VrrpExpectation(VrrpVersion.V3, 14, AdvertisementInterval: 100));
        Assert.Equal(5, result.Packet!.AdvertisementInterval);
    }

    [Fact]
    public void AuthKey_LongPassword_TruncatedTo8AndShortOneZeroPadded()
    {
        Assert.Equal("12345678"u8.ToArray(), VrrpCodec.AuthKey("123456789"));
        Assert.Equal(new byte[] { (byte)'a', (byte)'b', 0, 0, 0, 0, 0, 0 }, VrrpCodec.AuthKey("ab"));
    }

    [Fact]
    public void Encode_MixedFamilies_Throws() =>
        Assert.Throws<ArgumentException>(() => VrrpCodec.Encode(Packets.V3Ipv4 with { Addresses = [IPAddress.Loopback, IPAddress.IPv6Loopback] }, Packets.Source4, Packets.Group4));

    [Fact]
    public void MetricName_EveryReason_IsDistinctSnakeCase()
    {
        var names = Enum.GetValues<VrrpRejectReason>().Select(r => r.MetricName()).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[a-z]+(_[a-z]+)*$", n));
        Assert.Equal("bad_checksum", VrrpRejectReason.BadChecksum.MetricName());
    }

    private static VrrpExpectation SeedExpectation => new(VrrpVersion.V2, 14, VrrpAuthType.Pass, VrrpCodec.AuthKey("571f97b2"), 1);
}
