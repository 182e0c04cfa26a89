using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Checkers.Tests.Support;
using Vigil.Plugins.Checkers.Engine;

namespace Vigil.Checkers.Tests.Engine;

public sealed class WarmupPickerTests
{
    [Property]
    public Property DelayIsWithinZeroAndWarmup(int seed, PositiveInt milliseconds)
    {
        var warmup = TimeSpan.FromMilliseconds(milliseconds.Get);
        var picker = new WarmupPicker(new Random(seed));
        var delays = Enumerable.Range(0, 20).Select(_ => picker.Pick(warmup)).ToList();
        return delays.All(d => d >= TimeSpan.Zero && d <= warmup).ToProperty();
    }

    [Fact]
    public void ZeroWarmupStartsAtOnce() => Assert.Equal(TimeSpan.Zero, new WarmupPicker(new FixedRandom(0.9)).Pick(TimeSpan.Zero));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.25, 2.5)]
    [InlineData(1, 10)]
    public void DelayIsTheDrawnFractionOfWarmup(double fraction, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), new WarmupPicker(new FixedRandom(fraction)).Pick(TimeSpan.FromSeconds(10)));
}
