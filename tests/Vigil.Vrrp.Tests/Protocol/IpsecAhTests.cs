using System.Net;
using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Vrrp.Tests.Protocol;

public class IpsecAhTests
{
    private static readonly byte[] Key = VrrpCodec.AuthKey("secret");
    private static readonly VrrpExpectation Expect = new(VrrpVersion.V2, 14, VrrpAuthType.Ah, Key);

    private static byte[] Datagram(uint sequence, byte[]? key = null) => IpsecAh.BuildDatagram(
        VrrpCodec.Encode(Packets.SeedV2 with { AuthType = VrrpAuthType.Ah, AuthData = null }, Packets.Source4, Packets.Group4),
        Packets.Source4, Packets.Group4, key ?? Key, sequence, ipId: 7, unicast: false);

    [Fact]
    public void BuildThenDecode_AcceptsAndReturnsSequence()
    {
        var datagram = Datagram(5);
        Assert.Equal(Ipv4Header.AhProtocol, datagram[9]);
        Assert.Equal(20 + 24 + 20, datagram.Length);
        Assert.True(VrrpDatagram.DecodeIpv4(datagram, Expect, 4, out var sequence).IsAccepted);
        Assert.Equal(5u, sequence);
    }

    [Fact]
    public void WrongKey_IsAuthFailure() =>
        Assert.Equal(VrrpRejectReason.AuthFailure, VrrpDatagram.DecodeIpv4(Datagram(5, VrrpCodec.AuthKey("other")), Expect, 0, out _).Reason);

    [Fact]
    public void ReplayedSequence_IsRejected() =>
        Assert.Equal(VrrpRejectReason.AhReplay, VrrpDatagram.DecodeIpv4(Datagram(5), Expect, 5, out _).Reason);

    [Fact]
    public void MutableTosChanged_StillVerifies()
    {
        var datagram = Datagram(1);
        datagram[1] = 0;
        Assert.True(VrrpDatagram.DecodeIpv4(datagram, Expect, 0, out _).IsAccepted);
    }

    [Fact]
    public void PayloadTampered_IsAuthFailure()
    {
        var datagram = Datagram(1);
        datagram[^1] ^= 1;
        Assert.Equal(VrrpRejectReason.AuthFailure, VrrpDatagram.DecodeIpv4(datagram, Expect, 0, out _).Reason);
    }

    [Fact]
    public void AhPacketToPassInstance_IsAuthTypeMismatch() =>
        Assert.Equal(VrrpRejectReason.AuthTypeMismatch,
            VrrpDatagram.DecodeIpv4(Datagram(1), Expect with { AuthType = VrrpAuthType.Pass }, 0, out _).Reason);

    [Fact]
    public void Spi_IsSourceAddress() => Assert.Equal(IPAddress.Parse("10.1.0.1"), new IPAddress(Datagram(1).AsSpan(24, 4)));
}
