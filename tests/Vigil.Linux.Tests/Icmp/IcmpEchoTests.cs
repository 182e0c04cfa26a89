using FsCheck.Xunit;
using Vigil.Linux.Icmp;

namespace Vigil.Linux.Tests.Icmp;

public sealed class IcmpEchoTests
{
    [Fact]
    public void WritesAnEchoRequestWithItsChecksum()
    {
        var packet = new byte[12];
        var length = IcmpEcho.WriteRequest(packet, ipv6: false, 0x1234, 0x0001, [0xde, 0xad, 0xbe, 0xef]);

        Assert.Equal(12, length);
        Assert.Equal(new byte[] { 8, 0, 0x48, 0x2d, 0x12, 0x34, 0x00, 0x01, 0xde, 0xad, 0xbe, 0xef }, packet);
        Assert.Equal(0, IcmpEcho.Checksum(packet));
    }

    [Fact]
    public void Icmpv6LeavesTheChecksumToTheKernel()
    {
        var packet = new byte[8];
        IcmpEcho.WriteRequest(packet, ipv6: true, 7, 9, []);
        Assert.Equal(new byte[] { 128, 0, 0, 0, 0, 7, 0, 9 }, packet);
    }

    [Fact]
    public void ReadsAReplyBehindAnIpv4Header()
    {
        byte[] packet = [0x46, 0, 0, 36, 0, 0, 0, 0, 64, 1, 0, 0, 127, 0, 0, 1, 127, 0, 0, 1, 1, 2, 3, 4, 0, 0, 0, 0, 0x12, 0x34, 0, 5, 1, 2, 3, 4];
        Assert.True(IcmpEcho.TryRead(packet, withIpv4Header: true, out var message));
        Assert.Equal(new IcmpMessage(0, 0, 0x1234, 5), message);
        Assert.True(message.IsEchoReply(ipv6: false));
        Assert.False(message.IsEchoReply(ipv6: true));
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x45, 0, 0, 20, 0, 0, 0, 0, 64, 1, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 0 })]
    [InlineData(new byte[] { 0x4f, 0, 0, 20, 0, 0, 0, 0, 64, 1, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x60, 0, 0, 20, 0, 0, 0, 0, 64, 1, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void ShortOrForeignPacketsAreNotRead(byte[] packet) => Assert.False(IcmpEcho.TryRead(packet, withIpv4Header: true, out _));

    [Property]
    public bool RequestsReadBackAndSumToZero(ushort identifier, ushort sequence, byte[] payload)
    {
        payload ??= [];
        var packet = new byte[IcmpEcho.HeaderLength + payload.Length];
        IcmpEcho.WriteRequest(packet, false, identifier, sequence, payload);
        return IcmpEcho.TryRead(packet, false, out var message)
            && message == new IcmpMessage(IcmpEcho.EchoRequestV4, 0, identifier, sequence)
            && IcmpEcho.Checksum(packet) == 0;
    }

    [Property]
    public bool AnyBytesReadWithoutThrowing(byte[] packet, bool withHeader)
    {
        _ = IcmpEcho.TryRead(packet ?? [], withHeader, out _);
        return true;
    }
}
