using System.Net;
using System.Net.Sockets;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Linux.Netlink.Route;
using Vigil.Plugins.Vrrp.Configuration;

namespace Vigil.Vrrp.Tests.Configuration;

public class RuleLineParserTests
{
    [Fact]
    public void TryParse_KeepalivedExample_IsSourceLookup()
    {
        var rule = RuleLineParser.TryParse("from 192.168.28.0/24 table 1", out var error);

        Assert.Equal("", error);
        Assert.Equal(new RuleSpec(AddressFamily.InterNetwork, RuleAction.Table, 1, Source: IPAddress.Parse("192.168.28.0"), SourceLength: 24), rule);
    }

    [Fact]
    public void TryParse_EverySelector_IsRead()
    {
        var rule = RuleLineParser.TryParse(
            "not from 10.1.2.3/16 to 10.9.0.0/16 iif eth0 oif eth1 fwmark 0x10/0xff tos 0x10 priority 300 uidrange 10-20 ipproto tcp sport 1000-2000 dport 80 protocol 18 lookup main",
            out var error);

        Assert.Equal("", error);
        Assert.Equal(
            new RuleSpec(AddressFamily.InterNetwork, RuleAction.Table, 254, 300, IPAddress.Parse("10.1.0.0"), 16, IPAddress.Parse("10.9.0.0"), 16, true, 0x10, 0x10, 0xff,
                "eth0", "eth1", UidRange: (10, 20), Protocol: 18, IpProtocol: 6, SourcePorts: (1000, 2000), DestinationPorts: (80, 80)),
            rule);
    }

    /// <summary>
    /// The rules Vigil.Linux.Tests' NetlinkRuleNetnsTests installs in a namespace and reads back with ip-rule(8): line to
    /// spec here and spec to kernel there cover keepalived's lines end to end.
    /// </summary>
    [Fact]
    public void TryParse_LinesOfTheNetlinkRuleNetnsTest_GiveItsSpecs()
    {
        string[] lines =
        [
            "from 192.168.28.0/24 table 1 preference 100",
            "not to 10.5.0.0/16 iif eth0 fwmark 0x10/0xff preference 101 table 1000",
            "from 10.6.0.0/16 preference 102 goto 104",
            "from fd28::/64 table 2 preference 100",
        ];

        var rules = lines.Select(line => RuleLineParser.TryParse(line, out var error) ?? throw new InvalidOperationException(error)).ToList();

        Assert.Equal<RuleSpec>(
            [
                new RuleSpec(AddressFamily.InterNetwork, RuleAction.Table, Table: 1, Priority: 100, Source: IPAddress.Parse("192.168.28.0"), SourceLength: 24),
                new RuleSpec(AddressFamily.InterNetwork, RuleAction.Table, Table: 1000, Priority: 101, Destination: IPAddress.Parse("10.5.0.0"), DestinationLength: 16,
                    Invert: true, FwMark: 0x10, FwMask: 0xff, InputInterface: "eth0"),
                new RuleSpec(AddressFamily.InterNetwork, RuleAction.Goto, Priority: 102, Source: IPAddress.Parse("10.6.0.0"), SourceLength: 16, GotoTarget: 104),
                new RuleSpec(AddressFamily.InterNetworkV6, RuleAction.Table, Table: 2, Priority: 100, Source: IPAddress.Parse("fd28::"), SourceLength: 64),
            ],
            rules);
    }

    [Theory]
    [InlineData("inet6 preference 5 blackhole", 6, AddressFamily.InterNetworkV6)]
    [InlineData("to fd00::/8 preference 5 type unreachable", 7, AddressFamily.InterNetworkV6)]
    [InlineData("from all preference 5 prohibit", 8, AddressFamily.InterNetwork)]
    [InlineData("iif eth0 preference 5 nop", 3, AddressFamily.InterNetwork)]
    [InlineData("from 10.0.0.0/8 preference 5 goto 10", 2, AddressFamily.InterNetwork)]
    [InlineData("iif vrf0 preference 5 l3mdev", 1, AddressFamily.InterNetwork)]
    public void TryParse_Actions(string line, byte action, AddressFamily family)
    {
        var rule = RuleLineParser.TryParse(line, out var error);

        Assert.Equal("", error);
        Assert.Equal(((RuleAction)action, family), (rule!.Action, rule.Family));
    }

    [Theory]
    [InlineData("from 192.168.28.0/24", "no action (table, goto, nop, blackhole, unreachable or prohibit)")]
    [InlineData("from 192.168.300.0/24 table 1", "invalid from address '192.168.300.0/24'")]
    [InlineData("to 10.0.0.0/33 table 1", "invalid to address '10.0.0.0/33'")]
    [InlineData("from 10.0.0.0/8 to fd00::/8 table 1", "mixed IPv4 and IPv6")]
    [InlineData("inet6 from 10.0.0.0/8 table 1", "mixed IPv4 and IPv6")]
    [InlineData("from 10.0.0.0/8 table", "missing value after 'table'")]
    [InlineData("table 0", "table 0 is not valid")]
    [InlineData("table wan", "unknown routing table 'wan'")]
    [InlineData("table 1 goto 5", "more than one of table, l3mdev, goto, nop, blackhole, unreachable and prohibit")]
    [InlineData("goto 5", "goto 5 needs a preference")]
    [InlineData("preference 9 goto 5", "preference 9 must be below goto target 5")]
    [InlineData("preference 5 blackhole sup_pl 0", "suppress_prefixlength and suppress_ifgroup need a table action")]
    [InlineData("fwmark 0x1/zz table 1", "invalid fwmark '0x1/zz'")]
    [InlineData("priority -1 table 1", "invalid priority '-1'")]
    [InlineData("dport 90-80 table 1", "invalid dport '90-80'")]
    [InlineData("from 1.2.3.4 table 1 realms 1/2", "rule option 'realms' is not supported by Vigil")]
    [InlineData("from 1.2.3.4 lookup 1 via 1.2.3.4", "unknown rule option 'via'")]
    [InlineData("iif averyveryverylongname table 1", "invalid interface name 'averyveryverylongname'")]
    public void TryParse_BadLine_SaysWhy(string line, string expected)
    {
        Assert.Null(RuleLineParser.TryParse(line, out var error));
        Assert.Equal(expected, error);
    }

    [Property(MaxTest = 1000)]
    public Property TryParse_AnyTokenSoup_NeverThrowsAndErrorsExplainNulls() => Prop.ForAll(
        Gen.ListOf(Gen.Elements("from", "to", "table", "1", "0x10/0xff", "10.0.0.0/8", "fd00::/8", "not", "inet6", "goto", "preference", "9",
            "blackhole", "type", "iif", "eth0", "sport", "1-2", "all", "l3mdev", "x")).ToArbitrary(),
        tokens =>
        {
            var rule = RuleLineParser.TryParse(string.Join(' ', tokens), out var error);
            return (rule is null) == (error.Length > 0);
        });

    [Fact]
    public void Format_ParsedRule_ReadsLikeIpRule() =>
        Assert.Equal("from 192.168.28.0/24 to 10.0.0.0/8 preference 100 fwmark 0x10/0xff iif eth0 lookup 1",
            RuleText.Format(RuleLineParser.TryParse("from 192.168.28.0/24 to 10.0.0.0/8 fwmark 0x10/0xff iif eth0 preference 100 table 1", out _)!));
}
