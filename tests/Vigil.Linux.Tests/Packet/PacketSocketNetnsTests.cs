using System.Text;
using Vigil.Linux.Netlink.Route;
using Vigil.Linux.Packet;
using Vigil.Testing.Netns;

namespace Vigil.Linux.Tests.Packet;

/// <summary>
/// Frames over a veth pair between two namespaces of a lab (created inside them, so it goes when they go), sent and
/// received with <see cref="PacketSocket"/> on both ends. Neither end has an address on the pair.
/// </summary>
public class PacketSocketNetnsTests
{
    /// <summary>IEEE 802 local experimental ethertype 1: nothing else on the link uses it.</summary>
    private const ushort Experimental = 0x88b5;

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Send_DatagramToPeerMac_ArrivesWithSourceMacAndTypeHost()
    {
        await using var lab = await NetnsLab.CreateAsync("a", "b");
        var (a, b) = await VethPairAsync(lab);
        using var sender = await lab.InNamespaceAsync(a.Namespace, () => PacketSocket.Open(a.Link.Index, Experimental));
        using var receiver = await lab.InNamespaceAsync(b.Namespace, () => PacketSocket.Open(b.Link.Index, Experimental));
        var payload = Encoding.ASCII.GetBytes("vigil packet socket test");
        var buffer = new byte[1500];

        sender.Send(payload, b.Link.Mac);
        var received = receiver.TryReceive(buffer, Wait, out var frame);
        var more = receiver.TryReceive(buffer, TimeSpan.FromMilliseconds(100), out _);

        Assert.True(received);
        Assert.Equal(payload, buffer.AsSpan(0, frame!.Length).ToArray());
        Assert.Equal((a.Link.MacText, Experimental, PacketType.Host, b.Link.Index),
            (MacText(frame.SourceMac), frame.EtherType, frame.Type, frame.InterfaceIndex));
        Assert.False(more);
    }

    [Fact]
    public async Task Send_RawBroadcastFrame_ArrivesWholeWithTypeBroadcast()
    {
        await using var lab = await NetnsLab.CreateAsync("a", "b");
        var (a, b) = await VethPairAsync(lab);
        using var sender = await lab.InNamespaceAsync(a.Namespace, () => PacketSocket.Open(a.Link.Index, Experimental, PacketSocketMode.Raw));
        using var receiver = await lab.InNamespaceAsync(b.Namespace, () => PacketSocket.Open(b.Link.Index, Experimental, PacketSocketMode.Raw));
        byte[] broadcast = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff];
        byte[] frameBytes = [.. broadcast, .. a.Link.Mac, 0x88, 0xb5, .. Encoding.ASCII.GetBytes("whole frame")];
        var buffer = new byte[1500];

        sender.Send(frameBytes, broadcast);
        var received = receiver.TryReceive(buffer, Wait, out var frame);

        Assert.True(received);
        Assert.Equal(frameBytes, buffer.AsSpan(0, frame!.Length).ToArray());
        Assert.Equal((a.Link.MacText, PacketType.Broadcast), (MacText(frame.SourceMac), frame.Type));
    }

    [Fact]
    public async Task Send_ShortMac_Throws()
    {
        await using var lab = await NetnsLab.CreateAsync("a");
        using var socket = await lab.InNamespaceAsync(lab["a"].Namespace, () => PacketSocket.Open(1, Experimental));

        Assert.Throws<ArgumentException>(() => socket.Send([1, 2, 3], [0x02, 0x00]));
    }

    /// <summary>pk0 in a's namespace, its peer pk1 in b's, both up and carrying traffic.</summary>
    private static async Task<(End A, End B)> VethPairAsync(NetnsLab lab)
    {
        var (a, b) = (lab["a"].Namespace, lab["b"].Namespace);
        await lab.RunCheckedAsync(a, "ip", "link", "add", "pk0", "type", "veth", "peer", "name", "pk1", "netns", b);
        await lab.RunCheckedAsync(a, "ip", "link", "set", "pk0", "up");
        await lab.RunCheckedAsync(b, "ip", "link", "set", "pk1", "up");
        return (await UpAsync(lab, a, "pk0"), await UpAsync(lab, b, "pk1"));
    }

    /// <summary>
    /// Waits for operstate UP: until the kernel's linkwatch activates the queue (up to a second after carrier), frames
    /// sent are dropped.
    /// </summary>
    private static async Task<End> UpAsync(NetnsLab lab, string ns, string name)
    {
        using var client = await lab.InNamespaceAsync(ns, NetlinkClient.Open);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var link = client.GetLink(name) ?? throw new InvalidOperationException($"{name} missing in {ns}");
            if (link.OperState == 6)
            {
                return new End(ns, link);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{name} in {ns} not up after 5 s: {link}");
            }

            await Task.Delay(20);
        }
    }

    private static string MacText(byte[] mac) => string.Join(':', mac.Select(x => x.ToString("x2")));

    private sealed record End(string Namespace, LinkInfo Link);
}
