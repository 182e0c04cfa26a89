using System.Net;
using System.Net.Sockets;
using Vigil.Linux.Netlink.Route;
using static Vigil.Linux.Tests.Netlink.Route.NetlinkRequestsTests;

namespace Vigil.Linux.Tests.Netlink.Route;

public class NetlinkRuleRequestsTests
{
    [Fact]
    public void AddRule_FromPrefixToSmallTable_PutsTableInHeader()
    {
        var spec = new RuleSpec(AddressFamily.InterNetwork, RuleAction.Table, Table: 1, Priority: 100, Source: IPAddress.Parse("192.168.28.0"), SourceLength: 24);

        var bytes = NetlinkRuleRequests.AddRule(1, spec);

        Assert.Equal(
            Hex("2c000000 2000 0506 01000000 00000000 02001800 01000001 00000000 " +
                "08000200 c0a81c00 08000600 64000000"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void DeleteRule_Ipv6ToWithFwmarkMaskIifAndLargeTable_UsesTableAttribute()
    {
        var spec = new RuleSpec(AddressFamily.InterNetworkV6, RuleAction.Table, Table: 1000, Priority: 200,
            Destination: IPAddress.Parse("fd00::"), DestinationLength: 64, FwMark: 0x10, FwMask: 0xff, InputInterface: "eth0");

        var bytes = NetlinkRuleRequests.DeleteRule(2, spec);

        Assert.Equal(
            Hex("5c000000 2100 0500 02000000 00000000 0a400000 00000001 00000000 " +
                "08000f00 e8030000 14000100 fd000000000000000000000000000000 08000600 c8000000 " +
                "08000a00 10000000 08001000 ff000000 09000300 6574683000 000000"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void AddRule_InvertedGoto_SetsInvertFlagActionAndGotoAttribute()
    {
        var spec = new RuleSpec(AddressFamily.InterNetwork, RuleAction.Goto, Priority: 10, Source: IPAddress.Parse("10.0.0.0"), SourceLength: 8,
            Invert: true, GotoTarget: 20);

        var bytes = NetlinkRuleRequests.AddRule(3, spec);

        Assert.Equal(
            Hex("34000000 2000 0506 03000000 00000000 02000800 00000002 02000000 " +
                "08000200 0a000000 08000600 0a000000 08000400 14000000"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void AddRule_PortsUidsProtocolsAndOif_EncodeTheirStructs()
    {
        var spec = new RuleSpec(AddressFamily.InterNetwork, RuleAction.Prohibit, Priority: 5, OutputInterface: "lo", UidRange: (1000, 2000),
            Protocol: 18, IpProtocol: 6, SourcePorts: (1024, 2048), DestinationPorts: (80, 80));

        var bytes = NetlinkRuleRequests.AddRule(4, spec);

        Assert.Equal(
            Hex("58000000 2000 0506 04000000 00000000 02000000 00000008 00000000 " +
                "08000600 05000000 07001100 6c6f00 00 0c001400 e8030000 d0070000 " +
                "05001500 12 000000 05001600 06 000000 08001700 00040008 08001800 50005000"),
            Convert.ToHexStringLower(bytes));
    }
}
