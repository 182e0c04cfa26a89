using System.Net;
using Vigil.Plugins.Vrrp.Os;

namespace Vigil.Vrrp.Tests.Os;

public class Ipv4HeaderTests
{
    [Fact]
    public void TryParse_ReadsTtlProtocolAndAddresses()
    {
        var packet = Convert.FromHexString("45c00028000000 00ff70 0000 0a4d0001 e0000012 3133640100010000".Replace(" ", string.Empty));

        Assert.True(Ipv4Header.TryParse(packet, out var header));
        Assert.Equal((20, 255, 112, IPAddress.Parse("10.77.0.1"), IPAddress.Parse("224.0.0.18")),
            (header.HeaderLength, header.Ttl, header.Protocol, header.Source, header.Destination));
    }

    [Fact]
    public void TryParse_TooShort_ReturnsFalse() => Assert.False(Ipv4Header.TryParse(new byte[19], out _));
}
