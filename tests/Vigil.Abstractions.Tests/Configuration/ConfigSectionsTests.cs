using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Tests.Support;

namespace Vigil.Abstractions.Tests.Configuration;

public class ConfigSectionsTests
{
    private static readonly HashSet<string> Known = ["priority", "interface"];

    private static readonly KeywordClaims Claims = new(
    [
        ("notify", false, new KeywordClaim("vrrp_instance", ["notify_master"])),
        ("tracker", true, new KeywordClaim("vrrp_instance", ["track_file", "priority"])),
        ("notify", false, new KeywordClaim("virtual_server/real_server", ["notify_up"])),
    ]);

    [Fact]
    public void Blocks_EmptyBlockListedByItsParent_IsOneBlock()
    {
        var realServer = Tree.Of(("rs:weight", "1"), ("rs:TCP_CHECK", null)).GetSection("rs");
        var written = realServer.GetChildren().Single(c => c.Key == "TCP_CHECK");

        Assert.Empty(ConfigSections.Items(written));
        Assert.Equal(["rs:TCP_CHECK"], ConfigSections.Blocks(written).Select(b => b.Path));
    }

    [Fact]
    public void Blocks_RepeatedBlock_IsEachElement()
    {
        var written = Tree.Of(("rs:HTTP_GET:0:url:path", "/a"), ("rs:HTTP_GET:1:url:path", "/b")).GetSection("rs:HTTP_GET");

        Assert.Equal(["rs:HTTP_GET:0", "rs:HTTP_GET:1"], ConfigSections.Blocks(written).Select(b => b.Path));
    }

    [Fact]
    public void Items_Array_IsTheElementsInNumericOrder()
    {
        var root = Tree.Of(("vrrp_instance:0:name", "A"), ("vrrp_instance:10:name", "K"), ("vrrp_instance:2:name", "C"), ("vrrp_instance:1:name", "B"));

        Assert.Equal(["A", "B", "C", "K"], ConfigSections.Items(root.GetSection("vrrp_instance")).Select(s => s["name"]));
    }

    [Fact]
    public void Items_SingleObject_IsTheSectionItself()
    {
        var section = Tree.Of(("global_defs:router_id", "r1")).GetSection("global_defs");

        Assert.Equal([section.Path], ConfigSections.Items(section).Select(s => s.Path));
    }

    [Fact]
    public void Items_SingleValue_IsTheSectionItself()
    {
        var section = Tree.Of(("notification_email", "ops@example.com")).GetSection("notification_email");

        Assert.Equal(["ops@example.com"], ConfigSections.Items(section).Select(s => s.Value));
    }

    [Fact]
    public void Items_Absent_IsEmpty()
    {
        Assert.Empty(ConfigSections.Items(Tree.Of().GetSection("vrrp_instance")));
    }

    [Fact]
    public void Items_ObjectWithSomeNumberedKeys_IsTheSectionItself()
    {
        var section = Tree.Of(("url:0:path", "/"), ("url:digest", "x")).GetSection("url");

        Assert.Equal([section.Path], ConfigSections.Items(section).Select(s => s.Path));
    }

    [Fact]
    public void Lines_ListBlock_IsTheStringItemsInOrder()
    {
        var section = Tree.Of(
            ("virtual_ipaddress:0", "10.0.0.1/24"),
            ("virtual_ipaddress:1", "10.0.0.2/24 dev eth1"),
            ("virtual_ipaddress:2:nested", "not a line"),
            ("virtual_ipaddress:11", "10.0.0.12/24")).GetSection("virtual_ipaddress");

        Assert.Equal(["10.0.0.1/24", "10.0.0.2/24 dev eth1", "10.0.0.12/24"], ConfigSections.Lines(section));
    }

    [Fact]
    public void Lines_SingleValue_IsThatLine()
    {
        Assert.Equal(["ops@example.com"], ConfigSections.Lines(Tree.Of(("notification_email", "ops@example.com")).GetSection("notification_email")));
    }

    [Fact]
    public void Lines_Absent_IsEmpty()
    {
        Assert.Empty(ConfigSections.Lines(Tree.Of().GetSection("virtual_ipaddress")));
    }

    [Theory]
    [InlineData("VI_1", "vrrp_instance VI_1")]
    [InlineData("10.0.0.1 80", "vrrp_instance 10.0.0.1 80")]
    [InlineData("", "vrrp_instance")]
    [InlineData(null, "vrrp_instance")]
    public void Describe_IsTheKeywordAndName(string? name, string expected)
    {
        var section = Tree.Of(("vrrp_instance:0:name", name), ("vrrp_instance:0:priority", "1")).GetSection("vrrp_instance:0");

        Assert.Equal(expected, ConfigSections.Describe(section, "vrrp_instance"));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("12", true)]
    [InlineData("007", true)]
    [InlineData("", false)]
    [InlineData("-1", false)]
    [InlineData("1a", false)]
    [InlineData("name", false)]
    [InlineData("\u0661", false)]
    public void IsIndex_IsAllAsciiDigits(string key, bool expected)
    {
        Assert.Equal(expected, ConfigSections.IsIndex(key));
    }

    [Fact]
    public void CheckKeywords_UnknownKeyword_IsAnErrorAtItsPath()
    {
        var report = new ValidationReport(new MapLocator(("vrrp_instance:0:bogus", 9)));

        report.CheckKeywords(Instance(("priority", "100"), ("bogus", "1")), "vrrp_instance VI_1", Known);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(ConfigSeverity.Error, issue.Severity);
        Assert.Equal("vrrp_instance:0:bogus", issue.Path);
        Assert.Equal("unknown keyword 'bogus' in vrrp_instance VI_1", issue.Message);
        Assert.Equal(new SourceLocation(MapLocator.File, 9), issue.Location);
    }

    [Fact]
    public void CheckKeywords_KnownKeywordsAndTheNameOfANamedBlock_AreSilent()
    {
        var report = new ValidationReport(MapLocator.None);

        report.CheckKeywords(Instance(("priority", "100"), ("interface", "eth0")), "vrrp_instance VI_1", Known);

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void CheckKeywords_NameInAnUnnamedBlock_IsUnknown()
    {
        var report = new ValidationReport(MapLocator.None);

        report.CheckKeywords(Tree.Of(("global_defs:name", "x")).GetSection("global_defs"), "global_defs", Known);

        Assert.Equal("unknown keyword 'name' in global_defs", Assert.Single(report.Issues).Message);
    }

    [Fact]
    public void CheckKeywords_Deprecated_IsAWarningWithTheAdvice()
    {
        var report = new ValidationReport(MapLocator.None);
        var deprecated = new Dictionary<string, string> { ["nb_get_retry"] = "use retry" };

        report.CheckKeywords(Instance(("nb_get_retry", "3")), "real_server 10.0.0.1 80", Known, deprecated);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(ConfigSeverity.Warning, issue.Severity);
        Assert.Equal("vrrp_instance:0:nb_get_retry", issue.Path);
        Assert.Equal("'nb_get_retry' in real_server 10.0.0.1 80 is deprecated: use retry", issue.Message);
    }

    [Fact]
    public void CheckKeywords_EveryUnknownKeyword_IsReported()
    {
        var report = new ValidationReport(MapLocator.None);

        report.CheckKeywords(Instance(("a", "1"), ("b:0", "x"), ("c:inner", "y")), "vrrp_instance VI_1", Known);

        Assert.Equal(
            ["unknown keyword 'a' in vrrp_instance VI_1", "unknown keyword 'b' in vrrp_instance VI_1", "unknown keyword 'c' in vrrp_instance VI_1"],
            report.Issues.Select(i => i.Message));
    }

    [Fact]
    public void CheckKeywordsAtBlockPath_ClaimedByAnEnabledModule_IsAcceptedSilently()
    {
        var report = new ValidationReport(MapLocator.None, Claims);

        report.CheckKeywords(Instance(("track_file:0", "/run/f")), "vrrp_instance VI_1", "vrrp_instance", Known);

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void CheckKeywordsAtBlockPath_ClaimedByADisabledModule_IsAWarningNamingIt()
    {
        var report = new ValidationReport(new MapLocator(("vrrp_instance:0:notify_master", 14)), Claims);

        report.CheckKeywords(Instance(("notify_master", "/etc/keepalived/master.sh")), "vrrp_instance VI_1", "vrrp_instance", Known);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(ConfigSeverity.Warning, issue.Severity);
        Assert.Equal("vrrp_instance:0:notify_master", issue.Path);
        Assert.Equal(new SourceLocation(MapLocator.File, 14), issue.Location);
        Assert.Equal("'notify_master' in vrrp_instance VI_1 needs module 'notify', which is not enabled; ignored", issue.Message);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void CheckKeywordsAtBlockPath_UnclaimedUnknown_IsAnError()
    {
        var report = new ValidationReport(MapLocator.None, Claims);

        report.CheckKeywords(Instance(("x", "1")), "vrrp_instance VI_1", "vrrp_instance", Known);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(ConfigSeverity.Error, issue.Severity);
        Assert.Equal("unknown keyword 'x' in vrrp_instance VI_1", issue.Message);
    }

    [Fact]
    public void CheckKeywordsAtBlockPath_MixedBlock_ReportsEachKeywordOnce()
    {
        var report = new ValidationReport(MapLocator.None, Claims);

        report.CheckKeywords(
            Instance(("priority", "100"), ("notify_master", "/m.sh"), ("track_file:0", "f"), ("bogus", "1")),
            "vrrp_instance VI_1",
            "vrrp_instance",
            Known);

        Assert.Equal(
            [
                (ConfigSeverity.Warning, "'notify_master' in vrrp_instance VI_1 needs module 'notify', which is not enabled; ignored"),
                (ConfigSeverity.Error, "unknown keyword 'bogus' in vrrp_instance VI_1"),
            ],
            report.Issues.Select(i => (i.Severity, i.Message)));
    }

    [Theory]
    [InlineData("vrrp_instance")]
    [InlineData("VRRP_Instance")]
    [InlineData("/vrrp_instance")]
    [InlineData("vrrp_instance/")]
    [InlineData("//vrrp_instance//")]
    public void CheckKeywordsAtBlockPath_BlockPath_ComparesIgnoringCaseAndOuterSlashes(string blockPath)
    {
        var report = new ValidationReport(MapLocator.None, Claims);

        report.CheckKeywords(Instance(("notify_master", "/m.sh")), "vrrp_instance VI_1", blockPath, Known);

        Assert.Equal(ConfigSeverity.Warning, Assert.Single(report.Issues).Severity);
    }

    [Fact]
    public void CheckKeywordsAtBlockPath_KeywordClaimedElsewhere_IsUnknownHere()
    {
        var report = new ValidationReport(MapLocator.None, Claims);

        report.CheckKeywords(Instance(("notify_up", "/up.sh")), "vrrp_instance VI_1", "vrrp_instance", Known);

        Assert.Equal("unknown keyword 'notify_up' in vrrp_instance VI_1", Assert.Single(report.Issues).Message);
    }

    [Fact]
    public void CheckKeywordsAtBlockPath_NestedBlockPath_FindsItsClaims()
    {
        var report = new ValidationReport(MapLocator.None, Claims);
        var realServer = Tree.Of(("virtual_server:0:real_server:0:name", "10.0.0.1 80"), ("virtual_server:0:real_server:0:notify_up", "/up.sh"))
            .GetSection("virtual_server:0:real_server:0");

        report.CheckKeywords(realServer, "real_server 10.0.0.1 80", "virtual_server/real_server", Known);

        Assert.Equal("'notify_up' in real_server 10.0.0.1 80 needs module 'notify', which is not enabled; ignored", Assert.Single(report.Issues).Message);
    }

    [Fact]
    public void CheckKeywordsAtBlockPath_KnownKeywordAlsoClaimed_IsTheOwnersSilently()
    {
        var report = new ValidationReport(MapLocator.None, new KeywordClaims([("other", false, new KeywordClaim("vrrp_instance", ["priority"]))]));

        report.CheckKeywords(Instance(("priority", "100")), "vrrp_instance VI_1", "vrrp_instance", Known);

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void CheckKeywordsAtBlockPath_NoClaims_IsLikeThePlainCheck()
    {
        var report = new ValidationReport(MapLocator.None);

        report.CheckKeywords(Instance(("notify_master", "/m.sh")), "vrrp_instance VI_1", "vrrp_instance", Known);

        Assert.Equal("unknown keyword 'notify_master' in vrrp_instance VI_1", Assert.Single(report.Issues).Message);
    }

    [Fact]
    public void CheckKeywordsAtBlockPath_Deprecated_IsStillAWarning()
    {
        var report = new ValidationReport(MapLocator.None, Claims);

        report.CheckKeywords(
            Instance(("garp_lower_prio_repeat", "1")),
            "vrrp_instance VI_1",
            "vrrp_instance",
            Known,
            new Dictionary<string, string> { ["garp_lower_prio_repeat"] = "use garp_lower_prio_delay" });

        Assert.Equal("'garp_lower_prio_repeat' in vrrp_instance VI_1 is deprecated: use garp_lower_prio_delay", Assert.Single(report.Issues).Message);
    }

    [Fact]
    public void CheckKeywordsAtBlockPath_NullReportOrBlock_Throws()
    {
        var block = Instance();

        Assert.Throws<ArgumentNullException>(() => ConfigSections.CheckKeywords(null!, block, "x", blockPath: "vrrp_instance", known: Known));
        Assert.Throws<ArgumentNullException>(() => new ValidationReport(MapLocator.None).CheckKeywords(null!, "x", "vrrp_instance", Known));
    }

    private static IConfigurationSection Instance(params (string Key, string? Value)[] values) =>
        Tree.Of(values.Select(v => ("vrrp_instance:0:" + v.Key, v.Value)).Append(("vrrp_instance:0:name", "VI_1")).ToArray()).GetSection("vrrp_instance:0");
}
