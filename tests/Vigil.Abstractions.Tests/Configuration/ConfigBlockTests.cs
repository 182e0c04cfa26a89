using System.Net;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Tests.Support;

namespace Vigil.Abstractions.Tests.Configuration;

public class ConfigBlockTests
{
    private const string Context = "vrrp_instance VI_1";

    private readonly ValidationReport _report = new(MapLocator.None);

    [Fact]
    public void Properties_AreWhatItWasBuiltWith()
    {
        var section = Tree.Of(("vrrp_instance:0:name", "VI_1")).GetSection("vrrp_instance:0");

        var block = new ConfigBlock(section, Context, _report);

        Assert.Same(section, block.Section);
        Assert.Equal(Context, block.Context);
        Assert.Same(_report, block.Report);
    }

    [Fact]
    public void Has_ValueOrChildBlock_IsTrue_AbsentIsFalse()
    {
        var block = Block(("priority", "100"), ("track_script:0", "chk"), ("nopreempt", "true"));

        Assert.True(block.Has("priority"));
        Assert.True(block.Has("track_script"));
        Assert.True(block.Has("nopreempt"));
        Assert.False(block.Has("advert_int"));
    }

    [Fact]
    public void String_IsTheRawValueOrNull()
    {
        var block = Block(("interface", "eth0"), ("auth_pass", "  spaced  "));

        Assert.Equal("eth0", block.String("interface"));
        Assert.Equal("  spaced  ", block.String("auth_pass"));
        Assert.Null(block.String("state"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("1", true)]
    [InlineData("", true)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    public void Flag_Written_IsItsValue(string text, bool expected)
    {
        var block = Block(("nopreempt", text));

        Assert.Equal(expected, block.Flag("nopreempt", absent: !expected));
        Assert.Empty(_report.Issues);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Flag_Absent_IsTheAbsentDefault(bool absent)
    {
        Assert.Equal(absent, Block().Flag("nopreempt", absent));
        Assert.Empty(_report.Issues);
    }

    [Fact]
    public void Flag_AbsentWithoutDefault_IsFalse()
    {
        Assert.False(Block().Flag("nopreempt"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Flag_Garbage_IsReportedAndReadAsTheAbsentDefault(bool absent)
    {
        var block = Block(("nopreempt", "maybe"));

        Assert.Equal(absent, block.Flag("nopreempt", absent));

        var issue = Assert.Single(_report.Issues);
        Assert.Equal(ConfigSeverity.Error, issue.Severity);
        Assert.Equal("vrrp_instance:0:nopreempt", issue.Path);
        Assert.Equal("invalid nopreempt 'maybe' in vrrp_instance VI_1 (expected yes or no)", issue.Message);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("true", true)]
    [InlineData("no", false)]
    public void OptionalFlag_AbsentIsNull_WrittenIsItsValue(string? text, bool? expected)
    {
        var block = text is null ? Block(("priority", "1")) : Block(("smtp_alert", text));

        Assert.Equal(expected, block.OptionalFlag("smtp_alert"));
        Assert.Empty(_report.Issues);
    }

    [Fact]
    public void OptionalFlag_Garbage_IsReportedAndNull()
    {
        var block = Block(("smtp_alert", "sometimes"));

        Assert.Null(block.OptionalFlag("smtp_alert"));
        Assert.Equal("invalid smtp_alert 'sometimes' in vrrp_instance VI_1 (expected yes or no)", Assert.Single(_report.Issues).Message);
    }

    [Theory]
    [InlineData("5", 5000)]
    [InlineData("0.5", 500)]
    [InlineData("250ms", 250)]
    [InlineData("2m", 120_000)]
    public void Duration_InRange_IsTheTimeSpan(string text, int milliseconds)
    {
        var block = Block(("timeout", text));

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), block.Duration("timeout", TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1)));
        Assert.Empty(_report.Issues);
    }

    [Theory]
    [InlineData("soon", "invalid timeout 'soon' in vrrp_instance VI_1: not a duration (5, 0.5, 500ms, 2m, 1h)")]
    [InlineData("0", "timeout 0 out of range 1ms-86400s in vrrp_instance VI_1")]
    [InlineData("2d", "invalid timeout '2d' in vrrp_instance VI_1: not a duration (5, 0.5, 500ms, 2m, 1h)")]
    [InlineData("25h", "timeout 25h out of range 1ms-86400s in vrrp_instance VI_1")]
    public void Duration_InvalidOrOutOfRange_IsReportedAtTheKey(string text, string message)
    {
        var block = Block(("timeout", text));

        Assert.Null(block.Duration("timeout", TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1)));
        var issue = Assert.Single(_report.Issues);
        Assert.Equal("vrrp_instance:0:timeout", issue.Path);
        Assert.Equal(message, issue.Message);
    }

    [Theory]
    [InlineData("100", 100)]
    [InlineData("1", 1)]
    [InlineData("255", 255)]
    [InlineData("100 extra words", 100)]
    [InlineData("+7", 7)]
    [InlineData(" 50", 50)]
    public void Int_InRange_IsTheFirstWord(string text, int expected)
    {
        Assert.Equal(expected, Block(("priority", text)).Int("priority", 1, 255));
        Assert.Empty(_report.Issues);
    }

    [Fact]
    public void Int_NegativeInRange_IsAccepted()
    {
        Assert.Equal(-5, Block(("weight", "-5")).Int("weight", -253, 253));
    }

    [Fact]
    public void Int_Absent_IsNullWithoutIssue()
    {
        Assert.Null(Block().Int("priority", 1, 255));
        Assert.Empty(_report.Issues);
    }

    [Theory]
    [InlineData("abc", "invalid priority 'abc' in vrrp_instance VI_1")]
    [InlineData("", "invalid priority '' in vrrp_instance VI_1")]
    [InlineData("1.5", "invalid priority '1.5' in vrrp_instance VI_1")]
    [InlineData("ten 10", "invalid priority 'ten 10' in vrrp_instance VI_1")]
    [InlineData("99999999999999999999", "invalid priority '99999999999999999999' in vrrp_instance VI_1")]
    [InlineData("300", "priority 300 out of range 1-255 in vrrp_instance VI_1")]
    [InlineData("0", "priority 0 out of range 1-255 in vrrp_instance VI_1")]
    [InlineData("-1", "priority -1 out of range 1-255 in vrrp_instance VI_1")]
    [InlineData("5000000000", "priority 5000000000 out of range 1-255 in vrrp_instance VI_1")]
    [InlineData("300 extra", "priority 300 out of range 1-255 in vrrp_instance VI_1")]
    public void Int_InvalidOrOutOfRange_IsReportedAtTheKey(string text, string message)
    {
        Assert.Null(Block(("priority", text)).Int("priority", 1, 255));

        var issue = Assert.Single(_report.Issues);
        Assert.Equal(ConfigSeverity.Error, issue.Severity);
        Assert.Equal("vrrp_instance:0:priority", issue.Path);
        Assert.Equal(message, issue.Message);
    }

    [Fact]
    public void Long_BeyondInt_IsAccepted()
    {
        Assert.Equal(5_000_000_000L, Block(("fwmark", "5000000000")).Long("fwmark", 1, long.MaxValue));
    }

    [Fact]
    public void Long_OutOfRange_NamesBothBounds()
    {
        Assert.Null(Block(("garp_master_refresh", "-5")).Long("garp_master_refresh", 0, 4294967295));

        Assert.Equal("garp_master_refresh -5 out of range 0-4294967295 in vrrp_instance VI_1", Assert.Single(_report.Issues).Message);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("0.5", 0.5)]
    [InlineData("1.25", 1.25)]
    [InlineData("255", 255)]
    [InlineData(".5", 0.5)]
    public void Seconds_InRange_IsTheDecimal(string text, double expected)
    {
        Assert.Equal((decimal)expected, Block(("advert_int", text)).Seconds("advert_int", 0.001m, 255m));
        Assert.Empty(_report.Issues);
    }

    [Fact]
    public void Seconds_Absent_IsNullWithoutIssue()
    {
        Assert.Null(Block().Seconds("advert_int", 0.001m, 255m));
        Assert.Empty(_report.Issues);
    }

    [Theory]
    [InlineData("-1", "invalid advert_int '-1' in vrrp_instance VI_1")]
    [InlineData("1s", "invalid advert_int '1s' in vrrp_instance VI_1")]
    [InlineData("1e3", "invalid advert_int '1e3' in vrrp_instance VI_1")]
    [InlineData("1,5", "invalid advert_int '1,5' in vrrp_instance VI_1")]
    [InlineData("", "invalid advert_int '' in vrrp_instance VI_1")]
    [InlineData("fast", "invalid advert_int 'fast' in vrrp_instance VI_1")]
    [InlineData("0", "advert_int 0 out of range 0.001-255 in vrrp_instance VI_1")]
    [InlineData("0.0001", "advert_int 0.0001 out of range 0.001-255 in vrrp_instance VI_1")]
    [InlineData("255.5", "advert_int 255.5 out of range 0.001-255 in vrrp_instance VI_1")]
    [InlineData("300.50", "advert_int 300.50 out of range 0.001-255 in vrrp_instance VI_1")]
    public void Seconds_InvalidOrOutOfRange_IsReportedAtTheKey(string text, string message)
    {
        Assert.Null(Block(("advert_int", text)).Seconds("advert_int", 0.001m, 255m));

        var issue = Assert.Single(_report.Issues);
        Assert.Equal("vrrp_instance:0:advert_int", issue.Path);
        Assert.Equal(message, issue.Message);
    }

    [Theory]
    [InlineData("1", 1_000)]
    [InlineData("0.5", 500)]
    [InlineData("0.001", 1)]
    [InlineData("1.5", 1_500)]
    public void Timer_InRange_IsTheTimeSpan(string text, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Block(("advert_int", text)).Timer("advert_int", 0.001m, 255m));
    }

    [Fact]
    public void Timer_FractionOfATick_IsTruncated()
    {
        Assert.Equal(TimeSpan.FromTicks(1), Block(("delay", "0.00000015")).Timer("delay", 0m, 1m));
    }

    [Fact]
    public void Timer_Absent_IsNull()
    {
        Assert.Null(Block().Timer("advert_int", 0.001m, 255m));
    }

    [Fact]
    public void Timer_Invalid_IsReportedAndNull()
    {
        Assert.Null(Block(("advert_int", "soon")).Timer("advert_int", 0.001m, 255m));

        Assert.Equal("invalid advert_int 'soon' in vrrp_instance VI_1", Assert.Single(_report.Issues).Message);
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("::ffff:10.0.0.1", "10.0.0.1")]
    public void Address_Valid_IsTheAddress(string text, string expected)
    {
        Assert.Equal(IPAddress.Parse(expected), Block(("mcast_src_ip", text)).Address("mcast_src_ip"));
        Assert.Empty(_report.Issues);
    }

    [Fact]
    public void Address_Absent_IsNullWithoutIssue()
    {
        Assert.Null(Block().Address("mcast_src_ip"));
        Assert.Empty(_report.Issues);
    }

    [Theory]
    [InlineData("10.1", "invalid mcast_src_ip '10.1' in vrrp_instance VI_1: not an IP address")]
    [InlineData("010.0.0.1", "invalid mcast_src_ip '010.0.0.1' in vrrp_instance VI_1: not an IP address")]
    [InlineData("router", "invalid mcast_src_ip 'router' in vrrp_instance VI_1: not an IP address")]
    [InlineData("", "invalid mcast_src_ip '' in vrrp_instance VI_1: not an IP address")]
    public void Address_Invalid_IsReportedAtTheKey(string text, string message)
    {
        Assert.Null(Block(("mcast_src_ip", text)).Address("mcast_src_ip"));

        var issue = Assert.Single(_report.Issues);
        Assert.Equal("vrrp_instance:0:mcast_src_ip", issue.Path);
        Assert.Equal(message, issue.Message);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("80", 80)]
    [InlineData("65535", 65535)]
    public void Port_InRange_IsThePort(string text, int expected)
    {
        Assert.Equal(expected, Block(("connect_port", text)).Port("connect_port"));
    }

    [Theory]
    [InlineData("0", "connect_port 0 out of range 1-65535 in vrrp_instance VI_1")]
    [InlineData("65536", "connect_port 65536 out of range 1-65535 in vrrp_instance VI_1")]
    [InlineData("http", "invalid connect_port 'http' in vrrp_instance VI_1")]
    public void Port_InvalidOrOutOfRange_IsReported(string text, string message)
    {
        Assert.Null(Block(("connect_port", text)).Port("connect_port"));

        Assert.Equal(message, Assert.Single(_report.Issues).Message);
    }

    [Fact]
    public void Error_IsAnErrorAtTheKeysPath()
    {
        Block().Error("state", "state must be MASTER or BACKUP");

        var issue = Assert.Single(_report.Issues);
        Assert.Equal(new ConfigIssue(ConfigSeverity.Error, null, "vrrp_instance:0:state", "state must be MASTER or BACKUP"), issue);
    }

    [Fact]
    public void Warning_IsAWarningAtTheKeysPath()
    {
        Block().Warning("state", "ignored");

        Assert.Equal(new ConfigIssue(ConfigSeverity.Warning, null, "vrrp_instance:0:state", "ignored"), Assert.Single(_report.Issues));
        Assert.False(_report.HasErrors);
    }

    [Fact]
    public void Path_CombinesTheBlockPathAndTheKey()
    {
        Assert.Equal("vrrp_instance:0:priority", Block().Path("priority"));
    }

    [Fact]
    public void Child_ReadsTheNestedBlockUnderItsOwnName()
    {
        var block = Block(("authentication:auth_type", "PASS"), ("authentication:auth_pass", "x"));

        var child = block.Child("authentication", "authentication of vrrp_instance VI_1");

        Assert.Equal("authentication of vrrp_instance VI_1", child.Context);
        Assert.Equal("vrrp_instance:0:authentication", child.Section.Path);
        Assert.Same(_report, child.Report);
        Assert.Equal("PASS", child.String("auth_type"));
        Assert.Equal("vrrp_instance:0:authentication:auth_type", child.Path("auth_type"));
    }

    [Fact]
    public void Child_Issue_NamesTheChildAndItsPath()
    {
        var child = Block(("authentication:auth_pass_len", "x")).Child("authentication", "authentication of vrrp_instance VI_1");

        Assert.Null(child.Int("auth_pass_len", 1, 8));

        var issue = Assert.Single(_report.Issues);
        Assert.Equal("vrrp_instance:0:authentication:auth_pass_len", issue.Path);
        Assert.Equal("invalid auth_pass_len 'x' in authentication of vrrp_instance VI_1", issue.Message);
    }

    [Fact]
    public void Child_Absent_ReadsNothing()
    {
        var child = Block().Child("authentication", "authentication");

        Assert.False(child.Section.Exists());
        Assert.Null(child.String("auth_type"));
    }

    [Fact]
    public void Issue_IsLocatedAtTheFileAndLineOfItsKey()
    {
        var report = new ValidationReport(new MapLocator(("vrrp_instance:0", 3), ("vrrp_instance:0:priority", 7)));
        var block = new ConfigBlock(Tree.Of(("vrrp_instance:0:priority", "300")).GetSection("vrrp_instance:0"), Context, report);

        block.Int("priority", 1, 255);

        var issue = Assert.Single(report.Issues);
        Assert.Equal(new SourceLocation(MapLocator.File, 7), issue.Location);
        Assert.Equal("/etc/keepalived/keepalived.conf:7: error: priority 300 out of range 1-255 in vrrp_instance VI_1", issue.ToString());
    }

    [Fact]
    public void SameProblemReadTwice_IsReportedOnce()
    {
        var block = Block(("priority", "300"));

        block.Int("priority", 1, 255);
        block.Int("priority", 1, 255);

        Assert.Single(_report.Issues);
    }

    private ConfigBlock Block(params (string Key, string? Value)[] values)
    {
        var all = values.Select(v => ("vrrp_instance:0:" + v.Key, v.Value)).Append(("vrrp_instance:0:name", "VI_1")).ToArray();
        return new ConfigBlock(Tree.Of(all).GetSection("vrrp_instance:0"), Context, _report);
    }
}
