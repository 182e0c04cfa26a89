using System.Net;
using System.Net.Sockets;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;
using Vigil.Plugins.Ipvs.DataPlanes;
using Vigil.Plugins.Ipvs.DataPlanes.Ipvs;
using static Vigil.Ipvs.Tests.Engine.Defs;

namespace Vigil.Ipvs.Tests.DataPlanes.Ipvs;

public class IpvsMappingTests
{
    [Theory]
    [InlineData(SchedulerAlgorithm.RoundRobin, "rr")]
    [InlineData(SchedulerAlgorithm.WeightedRoundRobin, "wrr")]
    [InlineData(SchedulerAlgorithm.LeastConnection, "lc")]
    [InlineData(SchedulerAlgorithm.WeightedLeastConnection, "wlc")]
    [InlineData(SchedulerAlgorithm.LocalityLeastConnection, "lblc")]
    [InlineData(SchedulerAlgorithm.LocalityLeastConnectionReplicated, "lblcr")]
    [InlineData(SchedulerAlgorithm.SourceHashing, "sh")]
    [InlineData(SchedulerAlgorithm.DestinationHashing, "dh")]
    [InlineData(SchedulerAlgorithm.ShortestExpectedDelay, "sed")]
    [InlineData(SchedulerAlgorithm.NeverQueue, "nq")]
    [InlineData(SchedulerAlgorithm.Maglev, "mh")]
    [InlineData(SchedulerAlgorithm.WeightedFailover, "fo")]
    [InlineData(SchedulerAlgorithm.WeightedOverflow, "ovf")]
    public void SchedulerName_IsTheKernelModulesName(SchedulerAlgorithm algorithm, string name)
    {
        Assert.Equal(name, IpvsMapping.SchedulerName(algorithm));
        Assert.Equal(name, IpvsMapping.Settings(Service("10.0.0.1:80") with { Algorithm = algorithm }, AddressFamily.InterNetwork).Scheduler);
    }

    [Fact]
    public void SchedulerName_CoversEveryAlgorithm()
    {
        Assert.All(Enum.GetValues<SchedulerAlgorithm>(), a => Assert.NotEmpty(IpvsMapping.SchedulerName(a)));
    }

    [Theory]
    [InlineData(ForwardingMethod.Nat, 0u)]
    [InlineData(ForwardingMethod.Tunnel, 2u)]
    [InlineData(ForwardingMethod.DirectRouting, 3u)]
    public void ConnectionFlags_AreTheKernelsForwardingMethods(ForwardingMethod method, uint flags)
    {
        Assert.Equal(flags, IpvsMapping.ConnectionFlags(method));
    }

    [Fact]
    public void Settings_Defaults_AreWlcWithoutFlagsAndTheWholeAddress()
    {
        Assert.Equal(new IpvsServiceSettings("wlc", 0, 0, 0xffffffff), IpvsMapping.Settings(Service("10.0.0.1:80"), AddressFamily.InterNetwork));
        Assert.Equal(new IpvsServiceSettings("wlc", 0, 0, 128), IpvsMapping.Settings(Service("[2001:db8::1]:80"), AddressFamily.InterNetworkV6));
    }

    [Fact]
    public void Settings_PersistenceWithIpv4Granularity_IsPersistentTimeoutAndTheMaskInNetworkOrder()
    {
        var service = Service("10.0.0.1:80") with { Persistence = TimeSpan.FromSeconds(360), PersistenceGranularity = Ip("255.255.255.0") };

        Assert.Equal(new IpvsServiceSettings("wlc", 0x1, 360, 0x00ffffff), IpvsMapping.Settings(service, AddressFamily.InterNetwork));
    }

    [Fact]
    public void Settings_PersistenceWithIpv6Granularity_IsThePrefixLength()
    {
        var service = Service("[2001:db8::1]:80") with { Persistence = TimeSpan.FromSeconds(60), PersistenceGranularity = Ip("ffff:ffff:ffff:ffff::") };

        Assert.Equal(new IpvsServiceSettings("wlc", 0x1, 60, 64), IpvsMapping.Settings(service, AddressFamily.InterNetworkV6));
    }

    [Fact]
    public void Settings_FractionalPersistence_RoundsUpToWholeSeconds()
    {
        var service = Service("10.0.0.1:80") with { Persistence = TimeSpan.FromMilliseconds(1500) };

        Assert.Equal(2u, IpvsMapping.Settings(service, AddressFamily.InterNetwork).TimeoutSeconds);
    }

    [Fact]
    public void Settings_GranularityWithoutPersistence_IsIgnoredAsKeepalivedDoes()
    {
        var service = Service("10.0.0.1:80") with { PersistenceGranularity = Ip("255.255.0.0") };

        Assert.Equal(new IpvsServiceSettings("wlc", 0, 0, 0xffffffff), IpvsMapping.Settings(service, AddressFamily.InterNetwork));
    }

    [Fact]
    public void Settings_Ops_IsOnePacket()
    {
        var service = Service("10.0.0.1:53/udp") with { OnePacketScheduling = true };

        Assert.Equal(0x4u, IpvsMapping.Settings(service, AddressFamily.InterNetwork).Flags);
    }

    [Theory]
    [InlineData(SchedulerAlgorithm.SourceHashing, true, true, 0x18u)]
    [InlineData(SchedulerAlgorithm.SourceHashing, false, true, 0x08u)]
    [InlineData(SchedulerAlgorithm.SourceHashing, true, false, 0x10u)]
    [InlineData(SchedulerAlgorithm.Maglev, false, true, 0x08u)]
    [InlineData(SchedulerAlgorithm.Maglev, true, false, 0x10u)]
    [InlineData(SchedulerAlgorithm.WeightedRoundRobin, true, true, 0u)]
    public void Settings_HashOptions_AreSchedulerFlagsOfShAndMhOnly(SchedulerAlgorithm algorithm, bool port, bool fallback, uint flags)
    {
        var service = Service("10.0.0.1:80") with { Algorithm = algorithm, Hashing = new HashOptions(port, fallback) };

        Assert.Equal(flags, IpvsMapping.Settings(service, AddressFamily.InterNetwork).Flags);
    }

    [Fact]
    public void Destination_IsServerMethodAndWeight()
    {
        Assert.Equal(
            new IpvsDestination(Rs("10.0.0.2:80"), 3, 7),
            IpvsMapping.Destination(new BackendPlan(Rs("10.0.0.2:80"), 7, ForwardingMethod.DirectRouting)));
    }

    [Fact]
    public void Services_Group_IsOneKernelServicePerMemberOwnedByTheGroup()
    {
        var group = VirtualServerKey.ForGroup("web");
        var members = new[] { Vs("10.0.0.1:80"), Vs("10.0.0.2:80"), VirtualServerKey.ForFwmark(9) };
        var service = Service("10.0.0.1:80", Real("10.0.1.1:80")) with { Key = group, Endpoints = members };
        var plan = new ServicePlan(service, [new BackendPlan(Rs("10.0.1.1:80"), 1, ForwardingMethod.Nat)]);

        var services = IpvsMapping.Services([plan]);

        Assert.Equal(members, services.Select(s => s.Service.Key));
        Assert.All(services, s => Assert.Equal(group, s.Owner));
        Assert.All(services, s => Assert.Equal([new IpvsDestination(Rs("10.0.1.1:80"), 0, 1)], s.Service.Destinations));
    }

    [Fact]
    public void Services_ServerPlannedTwice_IsProgrammedOnceAtTheLargerWeight()
    {
        var plan = new ServicePlan(
            Service("10.0.0.1:80"),
            [
                new BackendPlan(Rs("10.0.1.1:80"), 0, ForwardingMethod.Nat),
                new BackendPlan(Rs("10.0.1.2:80"), 2, ForwardingMethod.Nat),
                new BackendPlan(Rs("10.0.1.1:80"), 1, ForwardingMethod.Nat, IsSorryServer: true),
            ]);

        var service = Assert.Single(IpvsMapping.Services([plan])).Service;

        Assert.Equal([new IpvsDestination(Rs("10.0.1.1:80"), 0, 1), new IpvsDestination(Rs("10.0.1.2:80"), 0, 2)], service.Destinations);
    }

    [Fact]
    public void Services_TwoVirtualServersOnOneKernelService_Throws()
    {
        var group = Service("10.0.0.1:80") with { Key = VirtualServerKey.ForGroup("web"), Endpoints = [Vs("10.0.0.1:80")] };

        var e = Assert.Throws<DataPlaneException>(() => IpvsMapping.Services([new ServicePlan(Service("10.0.0.1:80"), []), new ServicePlan(group, [])]));

        Assert.Contains("10.0.0.1:80/tcp", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Services_UnsupportedService_ThrowsWithTheReason()
    {
        var service = Service("10.0.0.1:80", Real("[2001:db8::5]:80"));

        var e = Assert.Throws<DataPlaneException>(() => IpvsMapping.Services([new ServicePlan(service, [])]));

        Assert.Contains("lb_kind TUN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsupported_EveryAlgorithmAndMethod_IsNull()
    {
        foreach (var algorithm in Enum.GetValues<SchedulerAlgorithm>())
        {
            foreach (var method in Enum.GetValues<ForwardingMethod>())
            {
                var service = Service("10.0.0.1:80", Real("10.0.1.1:80") with { Method = method }) with { Algorithm = algorithm, Method = method };
                Assert.Null(IpvsMapping.Unsupported(service));
            }
        }
    }

    [Fact]
    public void Unsupported_OtherFamilyRealServer_NeedsTunnel()
    {
        var nat = Service("10.0.0.1:80", Real("[2001:db8::5]:80"));
        var tun = Service("10.0.0.1:80", Real("[2001:db8::5]:80") with { Method = ForwardingMethod.Tunnel });

        Assert.Equal(
            "real_server [2001:db8::5]:80 is IPv6 behind an IPv4 service: IPVS forwards across address families only with lb_kind TUN",
            IpvsMapping.Unsupported(nat));
        Assert.Null(IpvsMapping.Unsupported(tun));
    }

    [Fact]
    public void Unsupported_OtherFamilySorryServer_NeedsTunnel()
    {
        var service = Service("[2001:db8::1]:80") with { SorryServer = Rs("127.0.0.1:80") };

        Assert.Equal(
            "sorry_server 127.0.0.1:80 is IPv4 behind an IPv6 service: IPVS forwards across address families only with lb_kind TUN",
            IpvsMapping.Unsupported(service));
    }

    [Fact]
    public void Unsupported_GroupOfBothFamilies_NamesTheMismatch()
    {
        var service = Service("10.0.0.1:80", Real("10.0.1.1:80")) with
        {
            Key = VirtualServerKey.ForGroup("dual"),
            Endpoints = [Vs("10.0.0.1:80"), Vs("[2001:db8::1]:80")],
        };

        Assert.Equal(
            "real_server 10.0.1.1:80 is IPv4 behind an IPv6 service: IPVS forwards across address families only with lb_kind TUN",
            IpvsMapping.Unsupported(service));
    }

    [Theory]
    [InlineData("10.0.0.1:80", "ffff:ffff::", "persistence_granularity ffff:ffff:: is IPv6 but the service is IPv4")]
    [InlineData("[2001:db8::1]:80", "255.255.255.0", "persistence_granularity 255.255.255.0 is IPv4 but the service is IPv6")]
    [InlineData("[2001:db8::1]:80", "ffff:0:ffff::", "persistence_granularity ffff:0:ffff:: is not an IPv6 prefix of 1-128 bits (IPVS takes a prefix length for IPv6)")]
    [InlineData("[2001:db8::1]:80", "::", "persistence_granularity :: is not an IPv6 prefix of 1-128 bits (IPVS takes a prefix length for IPv6)")]
    public void Unsupported_GranularityIpvsCannotExpress_SaysWhy(string key, string mask, string why)
    {
        var service = Service(key) with { Persistence = TimeSpan.FromMinutes(5), PersistenceGranularity = IPAddress.Parse(mask) };

        Assert.Equal(why, IpvsMapping.Unsupported(service));
    }

    [Fact]
    public void Unsupported_FullIpv6Mask_IsFine()
    {
        var service = Service("[2001:db8::1]:80") with
        {
            Persistence = TimeSpan.FromMinutes(5),
            PersistenceGranularity = IPAddress.Parse("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
        };

        Assert.Null(IpvsMapping.Unsupported(service));
        Assert.Equal(128u, IpvsMapping.Settings(service, AddressFamily.InterNetworkV6).Netmask);
    }
}
