using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Tests.VirtualServers;

public class TransportProtocolsTests
{
    [Theory]
    [InlineData("TCP", TransportProtocol.Tcp)]
    [InlineData("tcp", TransportProtocol.Tcp)]
    [InlineData(" Tcp ", TransportProtocol.Tcp)]
    [InlineData("UDP", TransportProtocol.Udp)]
    [InlineData("udp", TransportProtocol.Udp)]
    [InlineData("SCTP", TransportProtocol.Sctp)]
    [InlineData("Sctp", TransportProtocol.Sctp)]
    public void TryParse_KnownName_AnyCase_Parses(string text, TransportProtocol expected)
    {
        Assert.True(TransportProtocols.TryParse(text, out var protocol));

        Assert.Equal(expected, protocol);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("icmp")]
    [InlineData("tcp6")]
    [InlineData("6")]
    public void TryParse_Other_IsFalse(string? text)
    {
        Assert.False(TransportProtocols.TryParse(text, out _));
    }

    [Theory]
    [InlineData(TransportProtocol.Tcp, "tcp")]
    [InlineData(TransportProtocol.Udp, "udp")]
    [InlineData(TransportProtocol.Sctp, "sctp")]
    public void Name_IsLowerCaseAndParsesBack(TransportProtocol protocol, string expected)
    {
        Assert.Equal(expected, TransportProtocols.Name(protocol));
        Assert.True(TransportProtocols.TryParse(TransportProtocols.Name(protocol), out var again));
        Assert.Equal(protocol, again);
    }
}
