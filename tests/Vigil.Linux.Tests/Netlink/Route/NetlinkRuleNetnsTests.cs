using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Vigil.Linux.Netlink.Route;
using Vigil.Testing.Netns;

namespace Vigil.Linux.Tests.Netlink.Route;

public class NetlinkRuleNetnsTests
{
    [Fact]
    public async Task AddRule_SourceMarkedGotoAndIpv6Rules_AreShownByIpRule_AndAddAndDeleteAreIdempotent()
    {
        await using var lab = await NetnsLab.CreateAsync("a");
        var ns = lab["a"].Namespace;
        using var client = await lab.InNamespaceAsync(ns, NetlinkClient.Open);
        var (source, marked, jump, v6) = Rules;

        foreach (var rule in new[] { source, marked, jump, v6 })
        {
            client.AddRule(rule);
            client.AddRule(rule);
        }

        var shown = await RulesAsync(lab, ns, "-4");
        var shown6 = await RulesAsync(lab, ns, "-6");
        foreach (var rule in new[] { source, marked, jump, v6 })
        {
            client.DeleteRule(rule);
            client.DeleteRule(rule);
        }

        var after = await RulesAsync(lab, ns, "-4");

        var first = Assert.Single(shown, r => r.GetProperty("priority").GetInt32() == 100);
        Assert.Equal(("192.168.28.0", 24, "1"), (first.GetProperty("src").GetString(), first.GetProperty("srclen").GetInt32(), first.GetProperty("table").GetString()));
        var second = Assert.Single(shown, r => r.GetProperty("priority").GetInt32() == 101);
        Assert.Equal(("10.5.0.0", "eth0", "0x10", "0xff", "1000"),
            (second.GetProperty("dst").GetString(), second.GetProperty("iif").GetString(), second.GetProperty("fwmark").GetString(),
             second.GetProperty("fwmask").GetString(), second.GetProperty("table").GetString()));
        Assert.True(second.TryGetProperty("not", out _), second.ToString());
        var third = Assert.Single(shown, r => r.GetProperty("priority").GetInt32() == 102);
        Assert.Equal(104, third.GetProperty("goto").GetInt32());
        var sixth = Assert.Single(shown6, r => r.GetProperty("priority").GetInt32() == 100);
        Assert.Equal(("fd28::", "2"), (sixth.GetProperty("src").GetString(), sixth.GetProperty("table").GetString()));
        Assert.DoesNotContain(after, r => r.GetProperty("priority").GetInt32() is 100 or 101 or 102);
        Assert.Equal(3, after.Count);
    }

    /// <summary>
    /// <c>from 192.168.28.0/24 table 1 preference 100</c>, <c>not to 10.5.0.0/16 iif eth0 fwmark 0x10/0xff preference 101
    /// table 1000</c>, <c>from 10.6.0.0/16 preference 102 goto 104</c> and <c>from fd28::/64 table 2 preference 100</c>.
    /// </summary>
    private static (RuleSpec Source, RuleSpec Marked, RuleSpec Jump, RuleSpec V6) Rules => (
        new RuleSpec(AddressFamily.InterNetwork, RuleAction.Table, Table: 1, Priority: 100, Source: IPAddress.Parse("192.168.28.0"), SourceLength: 24),
        new RuleSpec(AddressFamily.InterNetwork, RuleAction.Table, Table: 1000, Priority: 101, Destination: IPAddress.Parse("10.5.0.0"), DestinationLength: 16,
            Invert: true, FwMark: 0x10, FwMask: 0xff, InputInterface: "eth0"),
        new RuleSpec(AddressFamily.InterNetwork, RuleAction.Goto, Priority: 102, Source: IPAddress.Parse("10.6.0.0"), SourceLength: 16, GotoTarget: 104),
        new RuleSpec(AddressFamily.InterNetworkV6, RuleAction.Table, Table: 2, Priority: 100, Source: IPAddress.Parse("fd28::"), SourceLength: 64));

    private static async Task<List<JsonElement>> RulesAsync(NetnsLab lab, string ns, string family)
    {
        var json = (await lab.RunCheckedAsync(ns, "ip", family, "-j", "rule", "show")).Stdout;
        return JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
