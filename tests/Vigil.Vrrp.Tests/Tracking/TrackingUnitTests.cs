using Vigil.Plugins.Vrrp.Configuration;
using Vigil.Plugins.Vrrp.Protocol;
using Vigil.Plugins.Vrrp.Tracking;

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
    public void TrackFileReader_MissingOrGarbage_ReadsZero()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, " -7\n");
            Assert.Equal(-7, TrackFileReader.Read(path));
            File.WriteAllText(path, "abc");
            Assert.Equal(0, TrackFileReader.Read(path));
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal(0, TrackFileReader.Read(path));
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
