using Vigil.Plugins.Checkers.Checkers.FileCheck;

namespace Vigil.Checkers.Tests.Checkers.FileCheck;

public sealed class FileCheckRuleTests
{
    [Theory]
    [InlineData(0L, 1, false, true, 0L)]
    [InlineData(5L, 2, false, true, 10L)]
    [InlineData(5L, 2, true, true, -10L)]
    [InlineData(-3L, 4, false, true, -12L)]
    [InlineData(-2147483648L, 1, false, false, 0L)]
    [InlineData(2147483648L, 1, true, false, 0L)]
    [InlineData(-2147483647L, 1, false, true, -2147483647L)]
    [InlineData(-100000L, 100000, false, false, 0L)]
    [InlineData(100000L, 100000, false, true, 2147483647L)]
    [InlineData(0L, 0, false, true, 0L)]
    [InlineData(7L, 0, false, false, 0L)]
    [InlineData(0L, 0, true, false, 0L)]
    [InlineData(7L, 0, true, true, 0L)]
    public void FollowsKeepalivedsTrackFileRule(long value, int weight, bool reverse, bool up, long delta) =>
        Assert.Equal((up, delta), FileCheckRule.Evaluate(value, weight, reverse));

    [Theory]
    [InlineData(1, 10L, 11)]
    [InlineData(5, -10L, 0)]
    [InlineData(5, 2147483647L, 2147483647)]
    public void TheWeightIsAddedAndClamped(int configured, long delta, int weight) => Assert.Equal(weight, FileCheckRule.Weight(configured, delta));
}
