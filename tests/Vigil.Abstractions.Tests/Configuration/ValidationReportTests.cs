using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Tests.Support;

namespace Vigil.Abstractions.Tests.Configuration;

public class ValidationReportTests
{
    private static readonly SourceLocation Line12 = new(MapLocator.File, 12);

    [Fact]
    public void New_IsEmptyWithoutErrorsOrClaims()
    {
        var report = new ValidationReport(MapLocator.None);

        Assert.Empty(report.Issues);
        Assert.False(report.HasErrors);
        Assert.Same(KeywordClaims.None, report.Claims);
    }

    [Fact]
    public void New_WithClaims_KeepsThem()
    {
        var claims = new KeywordClaims([("notify", true, new KeywordClaim("vrrp_instance", ["notify_master"]))]);

        Assert.Same(claims, new ValidationReport(MapLocator.None, claims).Claims);
    }

    [Fact]
    public void Error_AtPath_IsLocatedByTheLocator()
    {
        var report = new ValidationReport(new MapLocator(("vrrp_instance:0:priority", 12)));

        report.Error("vrrp_instance:0:priority", "bad priority");

        Assert.Equal(new ConfigIssue(ConfigSeverity.Error, Line12, "vrrp_instance:0:priority", "bad priority"), Assert.Single(report.Issues));
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void Error_AtUnknownPath_HasNoLocation()
    {
        var report = new ValidationReport(MapLocator.None);

        report.Error("x", "bad");

        Assert.Null(Assert.Single(report.Issues).Location);
    }

    [Fact]
    public void Warning_Only_HasNoErrors()
    {
        var report = new ValidationReport(MapLocator.None);

        report.Warning("global_defs:router_id", "deprecated");

        Assert.Equal(ConfigSeverity.Warning, Assert.Single(report.Issues).Severity);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void Error_AtLocation_HasNoPath()
    {
        var report = new ValidationReport(MapLocator.None);

        report.Error(Line12, "bad host line");

        Assert.Equal(new ConfigIssue(ConfigSeverity.Error, Line12, "", "bad host line"), Assert.Single(report.Issues));
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void Warning_AtLocation_HasNoPath()
    {
        var report = new ValidationReport(MapLocator.None);

        report.Warning(Line12, "unused option");

        Assert.Equal(new ConfigIssue(ConfigSeverity.Warning, Line12, "", "unused option"), Assert.Single(report.Issues));
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void SameIssueTwice_IsKeptOnce()
    {
        var report = new ValidationReport(MapLocator.None);

        report.Error("a", "bad");
        report.Error("a", "bad");
        report.Error(Line12, "bad");
        report.Error(Line12, "bad");

        Assert.Equal(2, report.Issues.Count);
    }

    [Fact]
    public void SameMessage_DifferentPathOrSeverity_AreKeptApart()
    {
        var report = new ValidationReport(MapLocator.None);

        report.Error("a", "bad");
        report.Error("b", "bad");
        report.Warning("a", "bad");
        report.Error("a", "worse");

        Assert.Equal(4, report.Issues.Count);
    }

    [Fact]
    public void Issues_AreInTheOrderReported()
    {
        var report = new ValidationReport(MapLocator.None);

        report.Warning("z", "first");
        report.Error("a", "second");
        report.Warning("m", "third");

        Assert.Equal(["first", "second", "third"], report.Issues.Select(i => i.Message));
    }

    [Fact]
    public void AddRange_KeepsLocationsAndDropsDuplicates()
    {
        var report = new ValidationReport(MapLocator.None);
        report.Error(Line12, "bad host line");
        var other = new SourceLocation("/etc/dhcpd.conf", 3);

        report.AddRange(
        [
            new ConfigIssue(ConfigSeverity.Error, Line12, "", "bad host line"),
            new ConfigIssue(ConfigSeverity.Warning, other, "", "unused"),
            new ConfigIssue(ConfigSeverity.Warning, other, "", "unused"),
        ]);

        Assert.Equal(
            [new ConfigIssue(ConfigSeverity.Error, Line12, "", "bad host line"), new ConfigIssue(ConfigSeverity.Warning, other, "", "unused")],
            report.Issues);
    }

    [Fact]
    public void AddRange_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new ValidationReport(MapLocator.None).AddRange(null!));
    }

    [Fact]
    public void Sorted_IsByFileThenLineThenReportOrder_UnlocatedFirst()
    {
        var report = new ValidationReport(MapLocator.None);
        report.Error(new SourceLocation("b.conf", 5), "b5");
        report.Error(new SourceLocation("a.conf", 10), "a10");
        report.Error(new SourceLocation("a.conf", 2), "a2 first");
        report.Error("unlocated", "none");
        report.Warning(new SourceLocation("a.conf", 2), "a2 second");
        report.Error(new SourceLocation("B.conf", 1), "B1");
        report.Error(new SourceLocation("a.conf", 0), "a0");

        Assert.Equal(["none", "B1", "a0", "a2 first", "a2 second", "a10", "b5"], report.Sorted().Select(i => i.Message));
        Assert.Equal(["b5", "a10", "a2 first", "none", "a2 second", "B1", "a0"], report.Issues.Select(i => i.Message));
    }
}
