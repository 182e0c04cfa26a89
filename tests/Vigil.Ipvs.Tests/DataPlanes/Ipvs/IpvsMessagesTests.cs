using System.Net;
using System.Net.Sockets;
using Vigil.Abstractions.VirtualServers;
using Vigil.Linux.Netlink;
using Vigil.Plugins.Ipvs.DataPlanes.Ipvs;

namespace Vigil.Ipvs.Tests.DataPlanes.Ipvs;

/// <summary>
/// Golden bytes written out by hand from the kernel's layout: nlmsghdr (length, type = family 0x23, flags, sequence,
/// port id), genlmsghdr (command, version 1, two reserved bytes), then 4-byte aligned attributes, the service and
/// destination ones nested with NLA_F_NESTED (0x8000).
/// </summary>
public class IpvsMessagesTests
{
    private const ushort Family = 0x23;

    // IPVS_CMD_ATTR_SERVICE for 10.0.0.1:80/tcp, identity only: AF_INET, IPPROTO_TCP, the 16-byte address, port 80 big-endian.
    private const string Ipv4TcpIdentity =
        "0600 0100 0200 0000 " +
        "0600 0200 0600 0000 " +
        "1400 0300 0a000001 00000000 00000000 00000000 " +
        "0600 0400 0050 0000 ";

    [Fact]
    public void NewService_Ipv4TcpWlc_MatchesGoldenBytes()
    {
        var bytes = IpvsMessages.NewService(Family, 1, Vs("10.0.0.1:80/tcp"), new IpvsServiceSettings("wlc", 0, 0, 0xffffffff));

        Assert.Equal(
            Hex("68000000 2300 0500 01000000 00000000 01010000 " +
                "5400 0180 " + Ipv4TcpIdentity +
                "0800 0600 776c6300 " +
                "0c00 0700 00000000 ffffffff " +
                "0800 0800 00000000 " +
                "0800 0900 ffffffff"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void NewService_Ipv6UdpPersistentShWithFlags_MatchesGoldenBytes()
    {
        var settings = new IpvsServiceSettings("sh", 0x19, 300, 64);

        var bytes = IpvsMessages.NewService(Family, 2, Vs("[2001:db8::1]:53/udp"), settings);

        Assert.Equal(
            Hex("68000000 2300 0500 02000000 00000000 01010000 " +
                "5400 0180 " +
                "0600 0100 0a00 0000 " +
                "0600 0200 1100 0000 " +
                "1400 0300 20010db8 00000000 00000000 00000001 " +
                "0600 0400 0035 0000 " +
                "0700 0600 736800 00 " +
                "0c00 0700 19000000 ffffffff " +
                "0800 0800 2c010000 " +
                "0800 0900 40000000"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void NewService_Sctp_UsesProtocol132()
    {
        var bytes = IpvsMessages.NewService(Family, 1, Vs("10.0.0.1:80/sctp"), new IpvsServiceSettings("rr", 0, 0, 0xffffffff));

        Assert.Contains(Hex("0600 0200 8400 0000"), Convert.ToHexStringLower(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void SetService_FwmarkOnePacket_SendsMarkInsteadOfAddressProtocolAndPort()
    {
        var bytes = IpvsMessages.SetService(Family, 3, VirtualServerKey.ForFwmark(7), new IpvsServiceSettings("rr", 0x4, 0, 0xffffffff));

        Assert.Equal(
            Hex("4c000000 2300 0500 03000000 00000000 02010000 " +
                "3800 0180 " +
                "0600 0100 0200 0000 " +
                "0800 0500 07000000 " +
                "0700 0600 727200 00 " +
                "0c00 0700 04000000 ffffffff " +
                "0800 0800 00000000 " +
                "0800 0900 ffffffff"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void DeleteService_SendsTheIdentityOnly()
    {
        var bytes = IpvsMessages.DeleteService(Family, 4, Vs("10.0.0.1:80/tcp"));

        Assert.Equal(
            Hex("44000000 2300 0500 04000000 00000000 03010000 3000 0180 " + Ipv4TcpIdentity),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void NewDestination_DirectRouting_MatchesGoldenBytes()
    {
        var destination = new IpvsDestination(Rs("10.0.0.2:8080"), 3, 5);

        var bytes = IpvsMessages.NewDestination(Family, 5, Vs("10.0.0.1:80/tcp"), destination);

        Assert.Equal(
            Hex("8c000000 2300 0500 05000000 00000000 05010000 " +
                "3000 0180 " + Ipv4TcpIdentity +
                "4800 0280 " +
                "0600 0b00 0200 0000 " +
                "1400 0100 0a000002 00000000 00000000 00000000 " +
                "0600 0200 1f90 0000 " +
                "0800 0300 03000000 " +
                "0800 0400 05000000 " +
                "0800 0500 00000000 " +
                "0800 0600 00000000"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void SetDestination_Ipv6TunnelAtWeightZero_CarriesItsOwnAddressFamily()
    {
        var destination = new IpvsDestination(Rs("[2001:db8::2]:80"), 2, 0);

        var bytes = IpvsMessages.SetDestination(Family, 6, Vs("10.0.0.1:80/tcp"), destination);

        Assert.Equal(
            Hex("8c000000 2300 0500 06000000 00000000 06010000 " +
                "3000 0180 " + Ipv4TcpIdentity +
                "4800 0280 " +
                "0600 0b00 0a00 0000 " +
                "1400 0100 20010db8 00000000 00000000 00000002 " +
                "0600 0200 0050 0000 " +
                "0800 0300 02000000 " +
                "0800 0400 00000000 " +
                "0800 0500 00000000 " +
                "0800 0600 00000000"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void DeleteDestination_SendsFamilyAddressAndPortOnly()
    {
        var bytes = IpvsMessages.DeleteDestination(Family, 7, Vs("10.0.0.1:80/tcp"), Rs("10.0.0.2:8080"));

        Assert.Equal(
            Hex("6c000000 2300 0500 07000000 00000000 07010000 " +
                "3000 0180 " + Ipv4TcpIdentity +
                "2800 0280 " +
                "0600 0b00 0200 0000 " +
                "1400 0100 0a000002 00000000 00000000 00000000 " +
                "0600 0200 1f90 0000"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void GetDestinations_IsADumpOfOneServicesDestinations()
    {
        var bytes = IpvsMessages.GetDestinations(Family, 8, VirtualServerKey.ForFwmark(7, AddressFamily.InterNetworkV6));

        Assert.Equal(
            Hex("28000000 2300 0103 08000000 00000000 08010000 " +
                "1400 0180 " +
                "0600 0100 0a00 0000 " +
                "0800 0500 07000000"),
            Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void GetServices_IsADumpWithoutAttributes()
    {
        Assert.Equal(Hex("14000000 2300 0103 09000000 00000000 04010000"), Convert.ToHexStringLower(IpvsMessages.GetServices(Family, 9)));
    }

    [Fact]
    public void GetInfo_IsAPlainRequest()
    {
        Assert.Equal(Hex("14000000 2300 0100 0a000000 00000000 0f010000"), Convert.ToHexStringLower(IpvsMessages.GetInfo(Family, 10)));
    }

    [Fact]
    public void AnyRequest_ForAGroupKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => IpvsMessages.DeleteService(Family, 1, VirtualServerKey.ForGroup("web")));
    }

    /// <summary>
    /// A dump reply as a 4.x+ kernel sends it (nests without NLA_F_NESTED): the 32-bit STATS nest with the connection
    /// count wrapped, the 64-bit STATS64 nest (with a PAD attribute) holding the true value, tunnel attributes and the
    /// address family.
    /// </summary>
    [Fact]
    public void ParseDestination_DumpReplyWithStats64_PrefersTheWideCounters()
    {
        var reply = Hex(
            "68010000 2300 0200 01000000 00000000 05010000 " +
            "5401 0200 " +
            "1400 0100 0a000002 00000000 00000000 00000000 " +
            "0600 0200 0050 0000 " +
            "0800 0300 00000000 " +
            "0800 0400 03000000 " +
            "0500 0d00 00 000000 " +
            "0600 0e00 0000 0000 " +
            "0600 0f00 0000 0000 " +
            "0800 0500 00000000 " +
            "0800 0600 00000000 " +
            "0800 0700 0c000000 " +
            "0800 0800 22000000 " +
            "0800 0900 01000000 " +
            "5c00 0a00 " +
            "0800 0100 e8030000 " +
            "0800 0200 10270000 " +
            "0800 0300 20a10700 " +
            "0c00 0400 00e40b54 02000000 " +
            "0c00 0500 00943577 00000000 " +
            "0800 0600 00000000 " +
            "0800 0700 00000000 " +
            "0800 0800 00000000 " +
            "0800 0900 00000000 " +
            "0800 0a00 00000000 " +
            "8000 0c00 " +
            "0400 0b00 " +
            "0c00 0100 e8030000 01000000 " +
            "0c00 0200 10270000 00000000 " +
            "0c00 0300 20a10700 00000000 " +
            "0c00 0400 00e40b54 02000000 " +
            "0c00 0500 00943577 00000000 " +
            "0c00 0600 00000000 00000000 " +
            "0c00 0700 00000000 00000000 " +
            "0c00 0800 00000000 00000000 " +
            "0c00 0900 00000000 00000000 " +
            "0c00 0a00 00000000 00000000 " +
            "0600 0b00 0200 0000");

        var entry = IpvsMessages.ParseDestination(Single(reply), AddressFamily.InterNetwork);

        Assert.Equal(
            new IpvsDestinationEntry(new IpvsDestination(Rs("10.0.0.2:80"), 0, 3), 12, 34, 1, 4_294_968_296, 10_000, 500_000, 10_000_000_000, 2_000_000_000),
            entry);
    }

    /// <summary>A kernel before 3.18 sends no address family and no STATS64: the service's family and the old nest serve.</summary>
    [Fact]
    public void ParseDestination_OldKernelReply_UsesTheServiceFamilyAndTheNarrowCounters()
    {
        var reply = Hex(
            "c8000000 2300 0200 01000000 00000000 05010000 " +
            "b400 0200 " +
            "1400 0100 20010db8 00000000 00000000 00000002 " +
            "0600 0200 1f90 0000 " +
            "0800 0300 03000000 " +
            "0800 0400 64000000 " +
            "0800 0500 00000000 " +
            "0800 0600 00000000 " +
            "0800 0700 02000000 " +
            "0800 0800 00000000 " +
            "0800 0900 00000000 " +
            "5c00 0a00 " +
            "0800 0100 07000000 " +
            "0800 0200 2a000000 " +
            "0800 0300 00000000 " +
            "0c00 0400 00100000 00000000 " +
            "0c00 0500 00000000 00000000 " +
            "0800 0600 00000000 " +
            "0800 0700 00000000 " +
            "0800 0800 00000000 " +
            "0800 0900 00000000 " +
            "0800 0a00 00000000");

        var entry = IpvsMessages.ParseDestination(Single(reply), AddressFamily.InterNetworkV6);

        Assert.Equal(
            new IpvsDestinationEntry(new IpvsDestination(Rs("[2001:db8::2]:8080"), 3, 100), 2, 0, 0, 7, 42, 0, 4096, 0),
            entry);
    }

    [Fact]
    public void ParseDestination_OtherCommand_IsNull()
    {
        var bytes = IpvsMessages.DeleteService(Family, 1, Vs("10.0.0.1:80/tcp"));

        Assert.Null(IpvsMessages.ParseDestination(Single(bytes), AddressFamily.InterNetwork));
    }

    [Fact]
    public void ParseService_DumpReply_ReadsIdentityAndSettingsWithoutHashed()
    {
        var reply = Hex(
            "6c000000 2300 0200 01000000 00000000 01010000 " +
            "5800 0100 " +
            "0600 0100 0200 0000 " +
            "0600 0200 0600 0000 " +
            "1400 0300 0a000001 00000000 00000000 00000000 " +
            "0600 0400 0050 0000 " +
            "0800 0600 776c6300 " +
            "0c00 0700 03000000 ffffffff " +
            "0800 0800 68010000 " +
            "0800 0900 ffffff00 " +
            "0400 0a00");

        var entry = IpvsMessages.ParseService(Single(reply));

        Assert.Equal(new IpvsServiceEntry(Vs("10.0.0.1:80/tcp"), new IpvsServiceSettings("wlc", 1, 360, 0x00ffffff)), entry);
    }

    [Fact]
    public void ParseService_FwmarkReply_IsAFwmarkKeyOfItsFamily()
    {
        var reply = Hex(
            "4c000000 2300 0200 01000000 00000000 01010000 " +
            "3800 0100 " +
            "0600 0100 0a00 0000 " +
            "0800 0500 2a000000 " +
            "0700 0600 6d6800 00 " +
            "0c00 0700 0a000000 ffffffff " +
            "0800 0800 00000000 " +
            "0800 0900 80000000");

        var entry = IpvsMessages.ParseService(Single(reply));

        Assert.Equal(new IpvsServiceEntry(VirtualServerKey.ForFwmark(42, AddressFamily.InterNetworkV6), new IpvsServiceSettings("mh", 8, 0, 128)), entry);
    }

    [Fact]
    public void ParseService_UnknownProtocol_IsNull()
    {
        var reply = Hex(
            "3c000000 2300 0200 01000000 00000000 01010000 " +
            "2800 0100 " +
            "0600 0100 0200 0000 " +
            "0600 0200 2100 0000 " +
            "1400 0300 0a000001 00000000 00000000 00000000");

        Assert.Null(IpvsMessages.ParseService(Single(reply)));
    }

    [Fact]
    public void ParseInfo_SetInfoReply_ReadsVersionAndTableSize()
    {
        var reply = Hex("24000000 2300 0000 01000000 00000000 0e010000 0800 0100 01020100 0800 0200 00100000");

        var info = IpvsMessages.ParseInfo(Single(reply));

        Assert.Equal(new IpvsInfo(0x010201, 4096), info);
        Assert.Equal("1.2.1", info!.VersionText);
    }

    [Fact]
    public void ParseInfo_OtherCommand_IsNull()
    {
        Assert.Null(IpvsMessages.ParseInfo(Single(IpvsMessages.GetInfo(Family, 1))));
    }

    internal static string Hex(string spaced) => spaced.Replace(" ", "", StringComparison.Ordinal);

    private static NetlinkMessage Single(string hex) => Single(Convert.FromHexString(hex));

    private static NetlinkMessage Single(byte[] bytes) => Assert.Single(NetlinkParser.Messages(bytes));

    private static VirtualServerKey Vs(string text) => VirtualServerKey.Parse(text);

    private static RealServerKey Rs(string text) => RealServerKey.Parse(text);
}
