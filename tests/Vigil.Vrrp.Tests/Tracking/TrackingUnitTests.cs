using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Protocol;
using Vigil.Plugins.Vrrp.Tracking;
using Vigil.Vrrp.Tests.Configuration;

namespace Vigil.Vrrp.Tests.Tracking;

public class TrackingUnitTests
{
    private static readonly (string, string[])[] Snapshot =
    [
        ("nginx", ["/usr/sbin/nginx", "-g", "daemon off;"]),
        ("nginx", ["nginx: worker process"]),
        ("sleep", ["sleep", "100"]),
    ];

    [Theory]
    [InlineData("nginx", null, 2)]
    [InlineData("sleep 100", null, 1)]
    [InlineData("sleep 10", null, 0)]
    [InlineData("nginx -g", "initial", 1)]
    [InlineData("nginx daemon off;", "partial", 0)]
    [InlineData("haproxy", null, 0)]
    public void ProcessTable_Count_MatchesNameAndParameters(string process, string? match, int expected) =>
        Assert.Equal(expected, ProcessTable.Count(Snapshot, new TrackProcessOptions("p", process, match)));

    [Fact]
    public void ProcessTable_InQuorum_HonoursMinAndMax()
    {
        var options = new TrackProcessOptions("p", "nginx", Quorum: 2, QuorumMax: 3);

        Assert.Equal([false, true, true, false], new[] { 1, 2, 3, 4 }.Select(n => ProcessTable.InQuorum(n, options)));
    }

    [Fact]
    public void InstanceTracking_InstanceWeightOverridesScriptWeight_AndOwnInterfaceFaults()
    {
        var instance = new VrrpInstanceOptions
        {
            Name = "VI_1",
            Path = "vrrp_instance:0",
            Interface = "eth0",
            Priority = 100,
            TrackScripts = [new TrackReference("chk", -20)],
        };
        var scripts = new Dictionary<string, VrrpScriptOptions> { ["chk"] = new("chk", "true", Weight: -5) };
        var configuration = new VrrpConfiguration(VrrpGlobalOptions.Default, [instance], [], scripts, new Dictionary<string, TrackFileOptions>(), new Dictionary<string, TrackProcessOptions>());
        var tracking = InstanceTracking.For(instance, configuration);

        Assert.True(tracking.Apply(new TrackUpdate(TrackKind.Script, "chk", false)));
        Assert.Equal(80, tracking.Evaluate(100).EffectivePriority);
        tracking.Apply(new TrackUpdate(TrackKind.Interface, "eth0", false));
        Assert.True(tracking.Evaluate(100).Fault);
        Assert.False(tracking.Apply(new TrackUpdate(TrackKind.Interface, "eth1", false)));
    }
}

public class TrackVirtualServerTests
{
    [Fact]
    public void TrackVirtualServer_LostQuorumAtWeightZero_Faults_AndWithAWeight_LowersThePriority()
    {
        var instance = new VrrpInstanceOptions
        {
            Name = "VI_1",
            Path = "vrrp_instance:0",
            Interface = "eth0",
            Priority = 100,
            TrackVirtualServers = [new TrackReference("10.0.0.1:80/tcp"), new TrackReference("10.0.0.1:443/tcp", -30)],
        };
        var configuration = new VrrpConfiguration(VrrpGlobalOptions.Default, [instance], [], new Dictionary<string, VrrpScriptOptions>(), new Dictionary<string, TrackFileOptions>(), new Dictionary<string, TrackProcessOptions>());
        var tracking = InstanceTracking.For(instance, configuration);

        Assert.True(tracking.Apply(new TrackUpdate(TrackKind.VirtualServer, "10.0.0.1:443/tcp", false)));
        Assert.Equal(70, tracking.Evaluate(100).EffectivePriority);
        Assert.False(tracking.Evaluate(100).Fault);
        tracking.Apply(new TrackUpdate(TrackKind.VirtualServer, "10.0.0.1:80/tcp", false));
        var result = tracking.Evaluate(100);
        Assert.True(result.Fault);
        Assert.Contains("track_virtual_server 10.0.0.1:80/tcp lost quorum", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.1 80", "10.0.0.1:80/tcp")]
    [InlineData("10.0.0.1 53 UDP weight -10", "10.0.0.1:53/udp")]
    [InlineData("2001:db8::1 443", "[2001:db8::1]:443/tcp")]
    [InlineData("fwmark 7", "fwmark:7")]
    [InlineData("group web weight 20 reverse", "group:web/tcp")]
    public void TrackVirtualServer_NamesAreCanonical(string line, string expected)
    {
        var values = new Dictionary<string, string?>(ConfigBuilder.SeedVi1) { ["vrrp_instance:0:track_virtual_server:0"] = line };
        values.Remove("vrrp_instance:0:track_script:0");
        values.Remove("vrrp_instance:0:track_script:1");
        var report = new Vigil.Abstractions.Configuration.ValidationReport(ConfigBuilder.NullLocator.Instance);

        var configuration = VrrpConfigurationReader.Read(ConfigBuilder.Build(values), report);

        Assert.DoesNotContain(report.Issues, i => i.Message.Contains("track_virtual_server", StringComparison.Ordinal));
        Assert.Equal(expected, Assert.Single(configuration.Instances[0].TrackVirtualServers).Name);
    }

    [Fact]
    public void TrackVirtualServer_ThatNamesNoVirtualServer_IsAnError()
    {
        var values = new Dictionary<string, string?>(ConfigBuilder.SeedVi1) { ["vrrp_instance:0:track_virtual_server:0"] = "web-pool" };
        var report = new Vigil.Abstractions.Configuration.ValidationReport(ConfigBuilder.NullLocator.Instance);

        VrrpConfigurationReader.Read(ConfigBuilder.Build(values), report);

        Assert.Contains(report.Issues, i => i.Message.StartsWith("invalid track_virtual_server 'web-pool' in vrrp_instance VI_1", StringComparison.Ordinal));
    }
}
