using System.Net;
using Vigil.Abstractions.VirtualServers;
using Vigil.Plugins.Ipvs.Configuration;

namespace Vigil.Ipvs.Tests.Configuration;

public sealed class VirtualServerConfigReaderTests
{
    [Fact]
    public void SeedExample_ReadsEveryKeyword()
    {
        var (table, issues) = ConfigText.Read(File.ReadAllText(Fixture("seed/07-ipvs-dr-nat-mask.conf")));

        Assert.DoesNotContain(issues, i => i.Contains(": error: ", StringComparison.Ordinal));
        var vs = Assert.Single(table.VirtualServers);
        Assert.Equal(VirtualServerKey.ForEndpoint(IPAddress.Parse("172.16.100.71"), 80), vs.Key);
        Assert.Equal(TimeSpan.FromSeconds(3), vs.DelayLoop);
        Assert.Equal(SchedulerAlgorithm.RoundRobin, vs.Algorithm);
        Assert.Equal(ForwardingMethod.DirectRouting, vs.Method);
        Assert.Equal(new RealServerKey(IPAddress.Loopback, 80), vs.SorryServer);
        Assert.Equal(["172.16.100.8:80", "172.16.100.9:80"], vs.RealServers.Select(r => r.Key.ToString()));
        Assert.All(vs.RealServers, r => Assert.Equal(1, r.Weight));
        Assert.All(vs.RealServers, r => Assert.Equal(ForwardingMethod.DirectRouting, r.Method));
        Assert.DoesNotContain(issues, i => i.Contains(": error: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_AreKeepalivedsDefaults()
    {
        var (table, issues) = ConfigText.Read("virtual_server 10.0.0.1 80 {\n real_server 10.0.1.1 80 {\n }\n}\n");

        var vs = Assert.Single(table.VirtualServers);
        Assert.Empty(issues);
        Assert.Equal(SchedulerAlgorithm.WeightedLeastConnection, vs.Algorithm);
        Assert.Equal(ForwardingMethod.Nat, vs.Method);
        Assert.Equal(TimeSpan.FromSeconds(60), vs.DelayLoop);
        Assert.Equal(1, vs.Quorum);
        Assert.Null(vs.Persistence);
        Assert.Equal(DataPlaneChoice.Auto, table.DataPlane);
        Assert.Equal(1, Assert.Single(vs.RealServers).Weight);
    }

    [Fact]
    public void EveryKeyword_IsRead()
    {
        var (table, issues) = ConfigText.Read("""
            global_defs {
              data_plane userspace
            }
            virtual_server_group web {
              10.0.0.1 80
              10.0.0.2-3 80
            }
            virtual_server group web {
              delay_loop 2.5
              lvs_sched sh
              sh-port
              sh-fallback
              lvs_method NAT
              protocol UDP
              persistence_timeout
              persistence_granularity 255.255.255.0
              ops
              sorry_server 10.0.9.9 8080
              sorry_server_inhibit
              inhibit_on_failure
              quorum 3
              hysteresis 1
              alpha
              omega
              ha_suspend
              virtualhost www.example.com
              real_server 10.0.1.1 8080 {
                weight 7
              }
              real_server 10.0.1.2 {
                weight 0
                inhibit_on_failure no
              }
            }
            """);

        Assert.Empty(issues);
        Assert.Equal(DataPlaneChoice.Userspace, table.DataPlane);
        var vs = Assert.Single(table.VirtualServers);
        Assert.Equal(VirtualServerKey.ForGroup("web", TransportProtocol.Udp), vs.Key);
        Assert.Equal(["10.0.0.1:80/udp", "10.0.0.2:80/udp", "10.0.0.3:80/udp"], vs.Endpoints.Select(e => e.ToString()));
        Assert.Equal(TimeSpan.FromSeconds(2.5), vs.DelayLoop);
        Assert.Equal(SchedulerAlgorithm.SourceHashing, vs.Algorithm);
        Assert.Equal(new HashOptions(true, true), vs.Hashing);
        Assert.Equal(TimeSpan.FromSeconds(360), vs.Persistence);
        Assert.Equal(IPAddress.Parse("255.255.255.0"), vs.PersistenceGranularity);
        Assert.True(vs.OnePacketScheduling && vs.SorryServerInhibit && vs.Alpha && vs.Omega && vs.HaSuspend);
        Assert.Equal(new RealServerKey(IPAddress.Parse("10.0.9.9"), 8080), vs.SorryServer);
        Assert.Equal((3, 1), (vs.Quorum, vs.Hysteresis));
        Assert.Equal("www.example.com", vs.Virtualhost);
        Assert.Equal([(7, true), (0, false)], vs.RealServers.Select(r => (r.Weight, r.InhibitOnFailure)));
    }

    [Theory]
    [InlineData("virtual_server 10.0.0.1 80 {\n real_server 10.0.1.1 80 {\n weight 70000\n }\n}\n", "f.conf:3: error: weight 70000 out of range 0-65535 in real_server 10.0.1.1 80 of virtual_server 10.0.0.1 80")]
    [InlineData("virtual_server 10.0.0.1 80 {\n real_server 10.0.0.1 80 {\n }\n}\n", "f.conf:2: error: real_server 10.0.0.1:80 in virtual_server 10.0.0.1 80 is the virtual address itself: traffic would loop back to the director")]
    [InlineData("virtual_server 10.0.0.1 80 {\n real_server 10.0.1.1 80 {\n }\n real_server 10.0.1.1 80 {\n }\n}\n", "f.conf:4: error: real_server 10.0.1.1:80 appears twice in virtual_server 10.0.0.1 80")]
    [InlineData("virtual_server 2001:db8::1 80 {\n real_server 10.0.1.1 80 {\n }\n}\n", "f.conf:2: error: real_server 10.0.1.1:80 in virtual_server 2001:db8::1 80 is IPv4 behind an IPv6 service; only TUN forwarding can mix address families")]
    [InlineData("virtual_server 10.0.0.1 80 {\n sorry_server 10.0.1.1 80\n real_server 10.0.1.1 80 {\n }\n}\n", "f.conf:2: error: sorry_server 10.0.1.1:80 in virtual_server 10.0.0.1 80 is also one of its real servers; the sorry server must be somewhere else")]
    [InlineData("virtual_server group nothing {\n real_server 10.0.1.1 80 {\n }\n}\n", "f.conf:1: error: virtual_server group nothing names virtual_server_group 'nothing', which is not declared")]
    [InlineData("virtual_server 10.0.0.1 80 {\n lb_algo fastest\n}\n", "f.conf:2: error: invalid lb_algo 'fastest' in virtual_server 10.0.0.1 80 (expected rr, wrr, lc, wlc, lblc, lblcr, sh, dh, sed, nq, mh, fo or ovf)")]
    [InlineData("virtual_server 10.0.0.1 80 {\n lb_kind FULLNAT\n}\n", "f.conf:2: error: invalid lb_kind 'FULLNAT' in virtual_server 10.0.0.1 80 (expected NAT, DR or TUN)")]
    [InlineData("virtual_server 10.0.0.1 80 {\n protocol ICMP\n}\n", "f.conf:2: error: invalid protocol 'ICMP' in virtual_server 10.0.0.1 80 (expected TCP, UDP or SCTP)")]
    [InlineData("global_defs {\n data_plane ebpf\n}\n", "f.conf:2: error: invalid data_plane 'ebpf' in global_defs (expected auto, nftables, ipvs or userspace)")]
    public void BadInput_IsAClearErrorWithItsLine_AndTheServiceIsLeftOut(string text, string expected)
    {
        var (table, issues) = ConfigText.Read(text);

        Assert.Contains(expected, issues);
        Assert.Empty(table.VirtualServers);
    }

    [Fact]
    public void UnknownKeyword_IsAnErrorWithItsLine()
    {
        var (_, issues) = ConfigText.Read("virtual_server 10.0.0.1 80 {\n bogus 1\n}\n");

        Assert.Equal(["f.conf:2: error: unknown keyword 'bogus' in virtual_server 10.0.0.1 80"], issues);
    }

    [Fact]
    public void OverlappingServices_AreRefused()
    {
        var (table, issues) = ConfigText.Read("""
            virtual_server_group web {
              10.0.0.1-2 80
            }
            virtual_server 10.0.0.2 80 {
            }
            virtual_server group web {
            }
            """);

        Assert.Contains(issues, i => i.StartsWith("f.conf:6: error: virtual_server group:web/tcp overlaps virtual_server 10.0.0.2:80/tcp (f.conf:4): both claim 10.0.0.2:80/tcp", StringComparison.Ordinal));
        Assert.Equal(2, table.VirtualServers.Count);
    }

    [Fact]
    public void EmptyGroup_IsAnError()
    {
        var (_, issues) = ConfigText.Read("virtual_server_group web {\n}\nvirtual_server group web {\n}\n");

        Assert.Contains("f.conf:3: error: virtual_server group web: virtual_server_group 'web' has no members", issues);
    }

    [Fact]
    public void NatMask_IsAcceptedWithTheHostsDeprecationWarning_AndOpsOutsideUdpIsAWarning()
    {
        var (table, issues) = ConfigText.Read("virtual_server 10.0.0.1 80 {\n nat_mask 255.255.0.0\n ops\n}\n");

        Assert.Single(table.VirtualServers);
        Assert.Equal(["f.conf:3: warning: 'ops' in virtual_server 10.0.0.1 80 applies to UDP services only; ignored"], issues);
    }

    private static string Fixture(string relative) => Path.Combine(Vigil.Testing.RepoPaths.Root, "tests", "fixtures", relative);
}
