using System.Net;
using System.Text.Json;
using Vigil.Linux.Netlink.Route;
using Vigil.Plugins.Vrrp.Os;
using Vigil.Testing.Netns;

namespace Vigil.Vrrp.Tests.Os;

public class GratuitousSenderNetnsTests
{
    [Fact]
    public async Task SendArp_Vip_PeerLearnsSenderMacThenVirtualMac()
    {
        await using var lab = await NetnsLab.CreateAsync("a", "b");
        var (a, b) = (lab["a"], lab["b"]);
        await lab.RunCheckedAsync(b.Namespace, "sysctl", "-q", "-w", "net.ipv4.conf.all.arp_accept=1", "net.ipv4.neigh.eth0.locktime=0");
        var (index, mac) = await LinkAsync(lab, a);
        using var sender = await lab.InNamespaceAsync(a.Namespace, GratuitousSender.Open);
        var vip = IPAddress.Parse("10.77.0.100");
        var vmac = VirtualMac.For(14, ipv6: false);

        sender.SendArp(index, mac, vip);
        var learned = await NeighbourAsync(lab, b, "10.77.0.100", Convert.ToHexString(mac));
        sender.SendArp(index, vmac, vip);
        var moved = await NeighbourAsync(lab, b, "10.77.0.100", Convert.ToHexString(vmac));

        Assert.Equal(MacText(mac), learned);
        Assert.Equal("00:00:5e:00:01:0e", moved);
    }

    [Fact]
    public async Task SendNeighbourAdvert_Vip_OverridesPeerStaleEntry()
    {
        await using var lab = await NetnsLab.CreateAsync("a", "b");
        var (a, b) = (lab["a"], lab["b"]);
        await lab.RunCheckedAsync(b.Namespace, "ip", "-6", "neigh", "add", "fd77::100", "lladdr", "02:11:11:11:11:11", "dev", "eth0", "nud", "stale");
        var (index, mac) = await LinkAsync(lab, a);
        using var sender = await lab.InNamespaceAsync(a.Namespace, GratuitousSender.Open);

        sender.SendNeighbourAdvert(index, mac, IPAddress.Parse("fd77::100"));
        var learned = await NeighbourAsync(lab, b, "fd77::100", Convert.ToHexString(mac));

        Assert.Equal(MacText(mac), learned);
    }

    private static async Task<(int Index, byte[] Mac)> LinkAsync(NetnsLab lab, NetnsNode node)
    {
        using var client = await lab.InNamespaceAsync(node.Namespace, NetlinkClient.Open);
        var link = client.GetLink(node.Interface)!;
        return (link.Index, link.Mac);
    }

    /// <summary>Polls <c>ip neigh</c> until the entry shows the expected MAC (or 3 s pass) and returns what it shows.</summary>
    private static async Task<string?> NeighbourAsync(NetnsLab lab, NetnsNode node, string address, string expectedHex)
    {
        var expected = MacText(Convert.FromHexString(expectedHex));
        string? seen = null;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        while (DateTime.UtcNow < deadline)
        {
            var json = (await lab.RunCheckedAsync(node.Namespace, "ip", "-j", "neigh", "show", address, "dev", node.Interface)).Stdout;
            var entries = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "[]" : json).RootElement;
            seen = entries.GetArrayLength() > 0 && entries[0].TryGetProperty("lladdr", out var lladdr) ? lladdr.GetString() : null;
            if (seen == expected)
            {
                break;
            }

            await Task.Delay(50);
        }

        return seen;
    }

    private static string MacText(byte[] mac) => string.Join(':', mac.Select(x => x.ToString("x2")));
}
