using System.Text.Json;
using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Os;
using Vigil.Testing.Netns;

namespace Vigil.Vrrp.Tests.Os;

public class NetlinkRuleNetnsTests
{
    [Fact]
    public async Task AddRule_KeepalivedLines_AreShownByIpRule_AndAddAndDeleteAreIdempotent()
    {
        await using var lab = await NetnsLab.CreateAsync("a");
        var ns = lab["a"].Namespace;
        using var client = await lab.InNamespaceAsync(ns, NetlinkClient.Open);
        var source = Parse("from 192.168.28.0/24 table 1 preference 100");
        var marked = Parse("not to 10.5.0.0/16 iif eth0 fwmark 0x10/0xff preference 101 table 1000");
        var jump = Parse("from 10.6.0.0/16 preference 102 goto 104");
        var v6 = Parse("from fd28::/64 table 2 preference 100");

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

    private static RuleSpec Parse(string line) => RuleLineParser.TryParse(line, out var error) ?? throw new InvalidOperationException(error);

    private static async Task<List<JsonElement>> RulesAsync(NetnsLab lab, string ns, string family)
    {
        var json = (await lab.RunCheckedAsync(ns, "ip", family, "-j", "rule", "show")).Stdout;
        return JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
