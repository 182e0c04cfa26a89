using Vigil.Plugins.Vrrp.Protocol;

namespace Vigil.Vrrp.Tests.Protocol;

public class VrrpTrackingTests
{
    [Fact]
    public void NegativeWeightScriptDown_Subtracts() =>
        Assert.Equal(new TrackingResult(95, false, ""), VrrpTracking.Evaluate(100, [new TrackStatus(TrackKind.Script, "chk_nginx", -5, false)]));

    [Fact]
    public void PositiveWeightScriptUp_Adds() =>
        Assert.Equal(102, VrrpTracking.Evaluate(100, [new TrackStatus(TrackKind.Script, "chk", 2, true)]).EffectivePriority);

    [Fact]
    public void ZeroWeightScriptDown_Faults() =>
        Assert.Equal(new TrackingResult(100, true, "track_script chk_nginx failed"), VrrpTracking.Evaluate(100, [new TrackStatus(TrackKind.Script, "chk_nginx", 0, false)]));

    [Fact]
    public void InterfaceDownWithoutWeight_Faults() =>
        Assert.Equal("track_interface eth0 down", VrrpTracking.Evaluate(100, [new TrackStatus(TrackKind.Interface, "eth0", 0, false)]).Reason);

    [Fact]
    public void ProcessNotRunning_Faults() =>
        Assert.True(VrrpTracking.Evaluate(100, [new TrackStatus(TrackKind.Process, "nginx", 0, false)]).Fault);

    [Theory]
    [InlineData(3, -10, 70, false)]
    [InlineData(0, 0, 100, false)]
    [InlineData(5, 0, 100, true)]
    [InlineData(-254, 1, 100, true)]
    public void File_MultipliesValueByWeight(long value, int weight, int expected, bool fault)
    {
        var result = VrrpTracking.Evaluate(100, [new TrackStatus(TrackKind.File, "f", weight, true, value)]);
        Assert.Equal((expected, fault), (result.EffectivePriority, result.Fault));
    }

    [Fact]
    public void Result_IsClampedAndOwnerUnaffected()
    {
        Assert.Equal(1, VrrpTracking.Evaluate(10, [new TrackStatus(TrackKind.Script, "a", -50, false)]).EffectivePriority);
        Assert.Equal(254, VrrpTracking.Evaluate(250, [new TrackStatus(TrackKind.Script, "a", 50, true)]).EffectivePriority);
        Assert.Equal(255, VrrpTracking.Evaluate(255, [new TrackStatus(TrackKind.Script, "a", -50, false)]).EffectivePriority);
    }

    [Fact]
    public void Reverse_AppliesWeightWhenUp() =>
        Assert.Equal(95, VrrpTracking.Evaluate(100, [new TrackStatus(TrackKind.Script, "a", -5, true, Reverse: true)]).EffectivePriority);

    [Fact]
    public void ScriptCounter_HonoursRiseAndFall()
    {
        var counter = new ScriptResultCounter(rise: 2, fall: 3);
        Assert.False(counter.Record(false));
        Assert.False(counter.Record(false));
        Assert.True(counter.Record(false));
        Assert.False(counter.Up);
        Assert.False(counter.Record(true));
        Assert.True(counter.Record(true));
        Assert.True(counter.Up);
    }
}
