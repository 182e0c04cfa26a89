using Microsoft.Extensions.Logging.Abstractions;
using Vigil.Abstractions.State;
using Vigil.Host.Metrics;
using Vigil.Host.State;
using Vigil.Plugins.Ipvs.Engine;
using static Vigil.Ipvs.Tests.Engine.Defs;

namespace Vigil.Ipvs.Tests.Engine;

public sealed class OverrideStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-overrides-").FullName;
    private readonly HostMeter _meter = new();

    [Fact]
    public void ADrain_OutlivesARestart()
    {
        var vs = Vs();
        var rs = Rs("10.1.0.69:80");
        using (var state = NewState())
        {
            new OverrideStore(state, _dir).Put(vs, rs, new RealServerOverride(vs, rs, true, 3, "batch 2"));
        }

        using var restarted = NewState();
        var store = new OverrideStore(restarted, _dir);
        Assert.Equal((1, (string?)null), store.Restore());
        Assert.Equal(new RealServerOverride(vs, rs, true, 3, "batch 2"), restarted.Current.Get(StateKeys.RealServerOverride(vs, rs))!.Value);
    }

    [Fact]
    public void Clearing_RemovesItFromTheStateAndTheFile()
    {
        var vs = Vs();
        var rs = Rs("10.1.0.69:80");
        using var state = NewState();
        var store = new OverrideStore(state, _dir);
        store.Put(vs, rs, new RealServerOverride(vs, rs, true, null, "x"));
        store.Put(vs, rs, null);
        Assert.Null(store.Get(vs, rs));
        using var restarted = NewState();
        Assert.Equal(0, new OverrideStore(restarted, _dir).Restore().Restored);
    }

    [Fact]
    public void UnreadableFile_IsReportedWithItsPath_AndLeftAlone()
    {
        var path = Path.Combine(_dir, "overrides.json");
        File.WriteAllText(path, "{ not json");
        using var state = NewState();
        var (restored, error) = new OverrideStore(state, _dir).Restore();
        Assert.Equal(0, restored);
        Assert.StartsWith(path, error, StringComparison.Ordinal);
        Assert.Equal("{ not json", File.ReadAllText(path));
    }

    [Fact]
    public void WithoutAStateDirectory_OverridesLiveInMemoryOnly()
    {
        using var state = NewState();
        var store = new OverrideStore(state, null);
        store.Put(Vs(), Rs("10.1.0.69:80"), new RealServerOverride(Vs(), Rs("10.1.0.69:80"), true, null, "x"));
        Assert.True(store.Get(Vs(), Rs("10.1.0.69:80"))!.Drained);
        Assert.Equal((0, (string?)null), store.Restore());
    }

    public void Dispose()
    {
        _meter.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private ClusterStateStore NewState() => new(NullLogger<ClusterStateStore>.Instance, TimeProvider.System, _meter);
}
