using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Plugins.Ipvs.Engine;

namespace Vigil.Ipvs.Tests.Engine;

public sealed class QuorumRuleTests
{
    [Theory]
    [InlineData(null, 3, 3, 1, true)]
    [InlineData(null, 2, 3, 1, false)]
    [InlineData(false, 3, 3, 1, false)]
    [InlineData(false, 4, 3, 1, true)]
    [InlineData(true, 2, 3, 1, true)]
    [InlineData(true, 1, 3, 1, false)]
    [InlineData(true, 0, 1, 0, false)]
    [InlineData(false, 1, 1, 0, true)]
    public void GainedAtQuorumPlusHysteresis_LostBelowQuorumMinusHysteresis(bool? was, int live, int quorum, int hysteresis, bool expected) =>
        Assert.Equal(expected, QuorumRule.Next(was, live, quorum, hysteresis));

    [Property]
    public Property WithinTheBand_TheStateDoesNotChange(NonNegativeInt quorum, NonNegativeInt hysteresis, bool was)
    {
        var q = quorum.Get % 1000;
        var h = hysteresis.Get % 100;
        var low = Math.Max(0, q - h);
        var inside = Enumerable.Range(low, q + h - low);
        return inside.All(w => QuorumRule.Next(was, w, q, h) == was).ToProperty();
    }
}
