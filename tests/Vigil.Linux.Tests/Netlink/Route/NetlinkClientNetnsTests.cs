using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Vigil.Linux.Netlink.Route;
using Vigil.Testing.Netns;

namespace Vigil.Linux.Tests.Netlink.Route;

public class NetlinkClientNetnsTests
{
    [Fact]
    public async Task AddAddress_VipWithLabelAndBroadcast_IsVisibleAndDeleteIsIdempotent()
    {
        await using var lab = await NetnsLab.CreateAsync("a");
        var ns = lab["a"].Namespace;
        using var client = await lab.InNamespaceAsync(ns, NetlinkClient.Open);
        var index = client.GetLink("eth0")!.Index;
        var vip = new AddressSpec(index, IPAddress.Parse("10.77.0.100"), 32, IPAddress.Parse("10.77.0.255"), "eth0:vip");

        client.AddAddress(vip);
        client.AddAddress(vip);
        var shown = await AddressAsync(lab, ns, "10.77.0.100");
        var listed = client.ListAddresses(index, AddressFamily.InterNetwork);
        client.DeleteAddress(vip);
        var afterDelete = await AddressAsync(lab, ns, "10.77.0.100");
        client.DeleteAddress(vip);

        Assert.NotNull(shown);
        Assert.Equal((32, "eth0:vip", "10.77.0.255"),
            (shown.Value.GetProperty("prefixlen").GetInt32(), shown.Value.GetProperty("label").GetString(), shown.Value.GetProperty("broadcast").GetString()));
        Assert.Contains(listed, a => a.Address.Equals(vip.Address) && a.Label == "eth0:vip");
        Assert.Null(afterDelete);
    }

    [Fact]
    public async Task AddAddress_Ipv6NoDad_IsNotTentative()
    {
        await using var lab = await NetnsLab.CreateAsync("a");
        var ns = lab["a"].Namespace;
        await lab.RunCheckedAsync(ns, "sysctl", "-q", "-w", "net.ipv6.conf.eth0.accept_dad=1");
        using var client = await lab.InNamespaceAsync(ns, NetlinkClient.Open);
        var index = client.GetLink("eth0")!.Index;

        client.AddAddress(new AddressSpec(index, IPAddress.Parse("fd77::100"), 128));
        var shown = await AddressAsync(lab, ns, "fd77::100");

        Assert.NotNull(shown);
        Assert.False(shown.Value.TryGetProperty("tentative", out _), shown.Value.ToString());
        Assert.True(shown.Value.TryGetProperty("nodad", out _), shown.Value.ToString());
    }

    [Fact]
    public async Task AddRoute_ViaGatewayWithMetric_IsVisibleAndDeleteIsIdempotent()
    {
        await using var lab = await NetnsLab.CreateAsync("a");
        var ns = lab["a"].Namespace;
        using var client = await lab.InNamespaceAsync(ns, NetlinkClient.Open);
        var index = client.GetLink("eth0")!.Index;
        var route = new RouteSpec(IPAddress.Parse("10.99.0.0"), 16, IPAddress.Parse("10.77.0.254"), index, Metric: 7);
        var tableRoute = new RouteSpec(IPAddress.Parse("10.98.0.0"), 24, InterfaceIndex: index, Table: 100);

        client.AddRoute(route);
        client.AddRoute(route);
        client.AddRoute(tableRoute);
        var main = (await lab.RunCheckedAsync(ns, "ip", "-j", "route", "show", "10.99.0.0/16")).Stdout;
        var table = (await lab.RunCheckedAsync(ns, "ip", "-j", "route", "show", "table", "100")).Stdout;
        client.DeleteRoute(route);
        client.DeleteRoute(route);
        var gone = (await lab.RunCheckedAsync(ns, "ip", "-j", "route", "show", "10.99.0.0/16")).Stdout;

        var shown = Assert.Single(JsonDocument.Parse(main).RootElement.EnumerateArray());
        Assert.Equal(("10.77.0.254", "eth0", 7), (shown.GetProperty("gateway").GetString(), shown.GetProperty("dev").GetString(), shown.GetProperty("metric").GetInt32()));
        var linkRoute = Assert.Single(JsonDocument.Parse(table).RootElement.EnumerateArray());
        Assert.Equal(("10.98.0.0/24", "link"), (linkRoute.GetProperty("dst").GetString(), linkRoute.GetProperty("scope").GetString()));
        Assert.Empty(JsonDocument.Parse(gone).RootElement.EnumerateArray());
    }

    [Fact]
    public async Task CreateMacvlan_Vrid14_HasVirtualMacPrivateModeAndCanBeDeleted()
    {
        await using var lab = await NetnsLab.CreateAsync("a");
        var ns = lab["a"].Namespace;
        using var client = await lab.InNamespaceAsync(ns, NetlinkClient.Open);
        var parent = client.GetLink("eth0")!.Index;

        var vmac = Convert.FromHexString("00005e00010e");

        var index = client.CreateMacvlan("vrrp.14", parent, vmac);
        Assert.Equal(index, client.CreateMacvlan("vrrp.14", parent, vmac));
        client.SetLinkUp(index, up: true);
        var link = client.GetLink(index)!;
        var shown = JsonDocument.Parse((await lab.RunCheckedAsync(ns, "ip", "-d", "-j", "link", "show", "vrrp.14")).Stdout).RootElement[0];
        client.DeleteLink(index);
        client.DeleteLink(index);

        Assert.Equal(("vrrp.14", "00:00:5e:00:01:0e", true), (link.Name, link.MacText, link.IsUp));
        Assert.Equal("00:00:5e:00:01:0e", shown.GetProperty("address").GetString());
        Assert.Equal("macvlan", shown.GetProperty("linkinfo").GetProperty("info_kind").GetString());
        Assert.Equal("private", shown.GetProperty("linkinfo").GetProperty("info_data").GetProperty("mode").GetString());
        Assert.Null(client.GetLink("vrrp.14"));
    }

    [Fact]
    public async Task AddAddress_UnknownLink_ThrowsWithErrnoName()
    {
        await using var lab = await NetnsLab.CreateAsync("a");
        using var client = await lab.InNamespaceAsync(lab["a"].Namespace, NetlinkClient.Open);

        var error = Assert.Throws<OsException>(() => client.AddAddress(new AddressSpec(9999, IPAddress.Parse("10.1.1.1"), 32)));

        Assert.Equal("ENODEV", error.ErrorName);
    }

    [Fact]
    public async Task LinkMonitor_LinkSetDown_ReportsLinkNotUp()
    {
        await using var lab = await NetnsLab.CreateAsync("a");
        var ns = lab["a"].Namespace;
        await lab.RunCheckedAsync(ns, "ip", "link", "add", "trk0", "type", "veth", "peer", "name", "trk1");
        await lab.RunCheckedAsync(ns, "ip", "link", "set", "trk0", "up");
        using var monitor = await lab.InNamespaceAsync(ns, LinkMonitor.Open);

        await lab.RunCheckedAsync(ns, "ip", "link", "set", "trk0", "down");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        LinkInfo? down = null;
        while (down is null && DateTime.UtcNow < deadline)
        {
            down = monitor.Read(deadline - DateTime.UtcNow).FirstOrDefault(l => l.Name == "trk0" && !l.IsUp);
        }

        Assert.NotNull(down);
        Assert.False(down.IsRunning);
    }

    private static async Task<JsonElement?> AddressAsync(NetnsLab lab, string ns, string address)
    {
        var json = (await lab.RunCheckedAsync(ns, "ip", "-j", "addr", "show", "dev", "eth0")).Stdout;
        foreach (var info in JsonDocument.Parse(json).RootElement[0].GetProperty("addr_info").EnumerateArray())
        {
            if (info.GetProperty("local").GetString() == address)
            {
                return info.Clone();
            }
        }

        return null;
    }
}
