using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Abstractions.State;
using Vigil.Plugins.Checkers.Engine;

namespace Vigil.Checkers.Tests.Engine;

public sealed class HealthVerdictTests
{
    private static readonly Vigil.Abstractions.VirtualServers.VirtualServerKey Vs = EngineHarness.Vs;
    private static readonly Vigil.Abstractions.VirtualServers.RealServerKey Rs = EngineHarness.Rs1;

    private static RealServerHealth Decide(IReadOnlyList<CheckView> checks, HealthCause cause, RealServerHealth? previous = null) =>
        HealthVerdict.Decide(Vs, Rs, 3, checks, cause, previous);

    [Property]
    public Property UpExactlyWhenEveryCheckIsUp(bool[] ups)
    {
        var checks = ups.Select((u, i) => new CheckView($"C{i}", u, u ? "ok" : "timeout", null)).ToList();
        var health = Decide(checks, new HealthCause("C0", "ok"));
        return (health.Up == ups.All(u => u)).ToProperty();
    }

    [Fact]
    public void GoingDownNamesTheCauseWhenItFails()
    {
        var checks = new[] { new CheckView("TCP_CHECK", false, "timeout", null), new CheckView("HTTP_GET", false, "bad status 503", null) };
        var up = new RealServerHealth(Vs, Rs, true, 3, "TCP_CHECK", "ok");
        Assert.Equal(new RealServerHealth(Vs, Rs, false, 3, "HTTP_GET", "bad status 503"), Decide(checks, new HealthCause("HTTP_GET", "bad status 503"), up));
        Assert.Equal(new RealServerHealth(Vs, Rs, false, 3, "TCP_CHECK", "timeout"), Decide(checks, new HealthCause("HTTP_GET", "configuration reloaded"), up));
    }

    [Fact]
    public void StayingDownKeepsTheRecordedReasonWhileItsCheckStillFails()
    {
        var previous = new RealServerHealth(Vs, Rs, false, 3, "TCP_CHECK", "timeout");
        var both = new[] { new CheckView("TCP_CHECK", false, "timeout", null), new CheckView("HTTP_GET", false, "bad status 503", null) };
        Assert.Equal(previous, Decide(both, new HealthCause("HTTP_GET", "bad status 503"), previous));

        var onlyHttp = new[] { new CheckView("TCP_CHECK", true, "ok", null), new CheckView("HTTP_GET", false, "bad status 503", null) };
        Assert.Equal(new RealServerHealth(Vs, Rs, false, 3, "HTTP_GET", "bad status 503"), Decide(onlyHttp, new HealthCause("TCP_CHECK", "ok"), previous));
    }

    [Fact]
    public void WeightIsThePassingDynamicOneElseTheConfigured()
    {
        var checks = new[] { new CheckView("MISC_CHECK", true, "ok", 8), new CheckView("TCP_CHECK", true, "ok", null) };
        Assert.Equal(8, Decide(checks, new HealthCause("MISC_CHECK", "ok")).Weight);
        Assert.Equal(3, Decide([new CheckView("TCP_CHECK", true, "ok", null)], new HealthCause("TCP_CHECK", "ok")).Weight);
    }
}
