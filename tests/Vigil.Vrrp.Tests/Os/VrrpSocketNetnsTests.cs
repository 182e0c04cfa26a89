using System.Net;
using System.Net.Sockets;
using Vigil.Linux;
using Vigil.Plugins.Vrrp.Os;
using Vigil.Testing.Netns;

namespace Vigil.Vrrp.Tests.Os;

public class VrrpSocketNetnsTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Send_Ipv4Multicast_ArrivesWithSourceTtl255AndPayload()
    {
        await using var lab = await NetnsLab.CreateAsync("a", "b");
        var (a, b) = (lab["a"], lab["b"]);
        using var sender = await lab.InNamespaceAsync(a.Namespace, () => VrrpSocket.Open(new VrrpSocketOptions { InterfaceName = a.Interface }));
        using var receiver = await lab.InNamespaceAsync(b.Namespace, () => VrrpSocket.Open(new VrrpSocketOptions { InterfaceName = b.Interface }));
        var packet = VrrpPackets.Advert(51, 100, IPAddress.Parse("10.77.0.100"));

        sender.Send(packet, sender.Group);
        var datagram = Receive(receiver);

        Assert.Equal((a.Ipv4, IPAddress.Parse("224.0.0.18"), 255, 112), (datagram.Source, datagram.Destination, datagram.Ttl, datagram.Protocol));
        Assert.Equal(packet, datagram.Payload.ToArray());
        Assert.Equal(20, datagram.IpHeader.Length);
    }

    [Fact]
    public async Task Send_Ipv4UnicastWithChosenSource_ArrivesFromThatSource()
    {
        await using var lab = await NetnsLab.CreateAsync("a", "b");
        var (a, b) = (lab["a"], lab["b"]);
        await lab.RunCheckedAsync(a.Namespace, "ip", "addr", "add", "10.77.0.11/24", "dev", a.Interface);
        var source = IPAddress.Parse("10.77.0.11");
        using var sender = await lab.InNamespaceAsync(a.Namespace, () => VrrpSocket.Open(new VrrpSocketOptions { InterfaceName = a.Interface, Unicast = true, SourceAddress = source }));
        using var receiver = await lab.InNamespaceAsync(b.Namespace, () => VrrpSocket.Open(new VrrpSocketOptions { InterfaceName = b.Interface, Unicast = true }));
        var packet = VrrpPackets.Advert(52, 200, IPAddress.Parse("10.77.0.100"));

        sender.Send(packet, b.Ipv4);
        var datagram = Receive(receiver);

        Assert.Equal((source, b.Ipv4, 255), (datagram.Source, datagram.Destination, datagram.Ttl));
        Assert.Equal(packet, datagram.Payload.ToArray());
    }

    [Fact]
    public async Task Send_Ipv6Multicast_ArrivesWithLinkLocalSourceAndHopLimit255()
    {
        await using var lab = await NetnsLab.CreateAsync("a", "b");
        var (a, b) = (lab["a"], lab["b"]);
        var options = new VrrpSocketOptions { InterfaceName = "eth0", Family = AddressFamily.InterNetworkV6 };
        using var sender = await lab.InNamespaceAsync(a.Namespace, () => VrrpSocket.Open(options));
        using var receiver = await lab.InNamespaceAsync(b.Namespace, () => VrrpSocket.Open(options));
        var packet = VrrpPackets.Advert(61, 100, IPAddress.Parse("fd77::100"));

        sender.Send(packet, sender.Group);
        var datagram = Receive(receiver);

        Assert.True(datagram.Source.IsIPv6LinkLocal, $"source {datagram.Source}");
        Assert.Equal((IPAddress.Parse("ff02::12"), 255), (datagram.Destination, datagram.Ttl));
        Assert.Equal(packet, datagram.Payload.ToArray());
    }

    [Fact]
    public async Task Send_Ipv6UnicastWithChosenSource_ArrivesWithHopLimit255()
    {
        await using var lab = await NetnsLab.CreateAsync("a", "b");
        var (a, b) = (lab["a"], lab["b"]);
        using var sender = await lab.InNamespaceAsync(a.Namespace, () => VrrpSocket.Open(new VrrpSocketOptions
        {
            InterfaceName = a.Interface, Family = AddressFamily.InterNetworkV6, Unicast = true, SourceAddress = a.Ipv6,
        }));
        using var receiver = await lab.InNamespaceAsync(b.Namespace, () => VrrpSocket.Open(new VrrpSocketOptions
        {
            InterfaceName = b.Interface, Family = AddressFamily.InterNetworkV6, Unicast = true,
        }));
        var packet = VrrpPackets.Advert(62, 100, IPAddress.Parse("fd77::100"));

        sender.Send(packet, b.Ipv6);
        var datagram = Receive(receiver);

        Assert.Equal((a.Ipv6, b.Ipv6, 255), (datagram.Source, datagram.Destination, datagram.Ttl));
        Assert.Equal(packet, datagram.Payload.ToArray());
    }

    [Fact]
    public async Task SendRawIpv4_HeaderIncluded_ArrivesAsBuilt()
    {
        await using var lab = await NetnsLab.CreateAsync("a", "b");
        var (a, b) = (lab["a"], lab["b"]);
        using var sender = await lab.InNamespaceAsync(a.Namespace, () => VrrpSocket.Open(new VrrpSocketOptions { InterfaceName = a.Interface }));
        using var receiver = await lab.InNamespaceAsync(b.Namespace, () => VrrpSocket.Open(new VrrpSocketOptions { InterfaceName = b.Interface }));
        var vrrp = VrrpPackets.Advert(53, 100, IPAddress.Parse("10.77.0.100"));
        var ip = new byte[20 + vrrp.Length];
        ip[0] = 0x45;
        ip[8] = 255;
        ip[9] = 112;
        a.Ipv4.TryWriteBytes(ip.AsSpan(12), out _);
        IPAddress.Parse("224.0.0.18").TryWriteBytes(ip.AsSpan(16), out _);
        vrrp.CopyTo(ip, 20);

        sender.SendRawIpv4(ip);
        var datagram = Receive(receiver);

        Assert.Equal((a.Ipv4, 255), (datagram.Source, datagram.Ttl));
        Assert.Equal(vrrp, datagram.Payload.ToArray());
    }

    [Fact]
    public async Task TryReceive_NothingSent_TimesOut()
    {
        await using var lab = await NetnsLab.CreateAsync("a");
        using var socket = await lab.InNamespaceAsync(lab["a"].Namespace, () => VrrpSocket.Open(new VrrpSocketOptions { InterfaceName = "eth0" }));

        Assert.False(socket.TryReceive(TimeSpan.FromMilliseconds(100), out _));
    }

    [Fact]
    public async Task Open_UnknownInterface_ThrowsWithErrnoName()
    {
        await using var lab = await NetnsLab.CreateAsync("a");

        var error = await Assert.ThrowsAsync<OsException>(() =>
            lab.InNamespaceAsync(lab["a"].Namespace, () => VrrpSocket.Open(new VrrpSocketOptions { InterfaceName = "nosuch0" })));

        Assert.Equal("ENODEV", error.ErrorName);
    }

    private static VrrpDatagram Receive(IVrrpSocket socket)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            if (socket.TryReceive(deadline - DateTime.UtcNow, out var datagram) && datagram is not null)
            {
                return datagram;
            }
        }

        throw new TimeoutException("no VRRP packet within " + Wait);
    }
}
