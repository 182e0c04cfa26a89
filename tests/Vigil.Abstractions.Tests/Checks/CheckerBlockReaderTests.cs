using System.Net;
using Microsoft.Extensions.Configuration;
using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Tests.Support;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Tests.Checks;

public class CheckerBlockReaderTests
{
    private const string VirtualServer = "virtual_server:0";
    private const string RealServer = "virtual_server:0:real_server:0";
    private const string Where = "TCP_CHECK of real_server 10.0.0.1 8080";

    private static readonly CheckContext Context = new(
        VirtualServerKey.Parse("10.0.0.100 80"), RealServerKey.Parse("10.0.0.1 8080"), TransportProtocol.Tcp, 1, null);

    private readonly ValidationReport _report = new(MapLocator.None);

    [Fact]
    public void Read_NothingWritten_IsKeepalivedsDefaults()
    {
        var settings = Read(Tcp());

        Assert.NotNull(settings);
        Assert.Same(Context, settings.Context);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 8080), settings.Connect);
        Assert.Null(settings.Bind);
        Assert.Null(settings.BindInterface);
        Assert.Equal(0u, settings.Fwmark);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.ConnectTimeout);
        Assert.Equal(
            new CheckSchedule(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), 1, TimeSpan.FromSeconds(1), false, false, false),
            settings.Schedule);
        Assert.Empty(_report.Issues);
    }

    [Theory]
    [InlineData("delay_loop", "1", "2", "3", 1)]
    [InlineData("delay_loop", null, "2", "3", 2)]
    [InlineData("delay_loop", null, null, "3", 3)]
    [InlineData("delay_loop", "0.5", null, "3", 0.5)]
    [InlineData("connect_timeout", "1", "2", "3", 1)]
    [InlineData("connect_timeout", null, "2", "3", 2)]
    [InlineData("connect_timeout", null, null, "3", 3)]
    [InlineData("warmup", "1", "2", "3", 1)]
    [InlineData("warmup", null, "2", "3", 2)]
    [InlineData("warmup", null, null, "3", 3)]
    [InlineData("warmup", "0", "2", null, 0)]
    [InlineData("delay_before_retry", "1", "2", "3", 1)]
    [InlineData("delay_before_retry", null, "2", "3", 2)]
    [InlineData("delay_before_retry", null, null, "3", 3)]
    [InlineData("delay_before_retry", null, "0", "3", 0)]
    public void Read_Timer_IsTheCheckersElseTheRealServersElseTheVirtualServers(string key, string? own, string? real, string? virtualServer, double seconds)
    {
        var settings = Read(Tcp(), Lines(key, own), Lines(key, real), Lines(key, virtualServer));

        Assert.NotNull(settings);
        var actual = key switch
        {
            "delay_loop" => settings.Schedule.DelayLoop,
            "connect_timeout" => settings.ConnectTimeout,
            "warmup" => settings.Schedule.Warmup,
            _ => settings.Schedule.DelayBeforeRetry,
        };
        Assert.Equal(TimeSpan.FromSeconds(seconds), actual);
    }

    [Theory]
    [InlineData("retry 5", "retry 3", "retry 2", 5)]
    [InlineData(null, "retry 3", "retry 2", 3)]
    [InlineData(null, null, "retry 2", 2)]
    [InlineData("retry 0", "retry 3", null, 0)]
    [InlineData("nb_get_retry 5", "retry 3", null, 5)]
    [InlineData(null, "nb_get_retry 4", "retry 2", 4)]
    [InlineData(null, null, "nb_get_retry 6", 6)]
    [InlineData("retry 1000000", null, null, 1_000_000)]
    public void Read_Retry_InheritsWithItsOldSpellingAtEachLevel(string? own, string? real, string? virtualServer, int expected)
    {
        var settings = Read(Tcp(), Lines(own), Lines(real), Lines(virtualServer));

        Assert.Equal(expected, settings!.Schedule.Retry);
    }

    [Fact]
    public void Read_RetryAndNbGetRetryAtOneLevel_RetryWins()
    {
        var settings = Read(Tcp(), ["retry 2", "nb_get_retry 9"]);

        Assert.Equal(2, settings!.Schedule.Retry);
    }

    [Theory]
    [InlineData("alpha no", "alpha yes", null, false)]
    [InlineData("alpha", null, null, true)]
    [InlineData(null, "alpha", null, true)]
    [InlineData(null, null, "alpha yes", true)]
    [InlineData(null, "alpha off", "alpha on", false)]
    [InlineData(null, null, null, false)]
    public void Read_Alpha_IsTheCheckersElseTheRealServersElseTheVirtualServers(string? own, string? real, string? virtualServer, bool expected)
    {
        var settings = Read(Tcp(), Lines(own), Lines(real), Lines(virtualServer));

        Assert.Equal(expected, settings!.Schedule.Alpha);
    }

    [Fact]
    public void Read_WarmupNotWritten_IsTheResolvedDelayLoop()
    {
        var settings = Read(Tcp(), real: ["delay_loop 10"]);

        Assert.Equal(TimeSpan.FromSeconds(10), settings!.Schedule.Warmup);
    }

    [Fact]
    public void Read_RetryNotWritten_IsTheSchemasDefault()
    {
        var settings = Read(Tcp(new CheckerSchema([]) { DefaultRetry = 3 }));

        Assert.Equal(3, settings!.Schedule.Retry);
    }

    [Fact]
    public void Read_DelayBeforeRetryNotWritten_IsTheSchemasDefault()
    {
        var settings = Read(Tcp(new CheckerSchema([]) { DefaultDelayBeforeRetry = TimeSpan.FromSeconds(3) }));

        Assert.Equal(TimeSpan.FromSeconds(3), settings!.Schedule.DelayBeforeRetry);
    }

    [Fact]
    public void Read_DelayBeforeRetryNotWrittenAndNoSchemaDefault_IsTheResolvedDelayLoop()
    {
        var settings = Read(Tcp(new CheckerSchema([]) { DefaultDelayBeforeRetry = null }), virtualServer: ["delay_loop 20"]);

        Assert.Equal(TimeSpan.FromSeconds(20), settings!.Schedule.DelayBeforeRetry);
    }

    [Fact]
    public void Read_DelayBeforeRetryWritten_BeatsTheSchemasDefault()
    {
        var settings = Read(Tcp(new CheckerSchema([]) { DefaultDelayBeforeRetry = null }), real: ["delay_before_retry 2", "delay_loop 20"]);

        Assert.Equal(TimeSpan.FromSeconds(2), settings!.Schedule.DelayBeforeRetry);
    }

    [Theory]
    [InlineData("omega", true)]
    [InlineData("omega yes", true)]
    [InlineData("omega no", false)]
    public void Read_Omega_IsTheVirtualServers(string line, bool expected)
    {
        var settings = Read(Tcp(), virtualServer: [line]);

        Assert.Equal(expected, settings!.Schedule.Omega);
    }

    [Fact]
    public void Read_LogAllFailures_IsTheCheckersOwn()
    {
        Assert.True(Read(Tcp(), ["log_all_failures"])!.Schedule.LogAllFailures);
    }

    [Fact]
    public void Read_ConnectIpAndPort_AreWhereTheProbeGoes()
    {
        var settings = Read(Tcp(), ["connect_ip 10.0.0.9", "connect_port 9000"]);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.9"), 9000), settings!.Connect);
    }

    [Fact]
    public void Read_ConnectIpOnly_KeepsTheRealServersPort()
    {
        var settings = Read(Tcp(), ["connect_ip 2001:db8::9"]);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("2001:db8::9"), 8080), settings!.Connect);
    }

    [Fact]
    public void Read_ConnectPortOnly_KeepsTheRealServersAddress()
    {
        var settings = Read(Tcp(), ["connect_port 9000"]);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 9000), settings!.Connect);
    }

    [Fact]
    public void Read_ConnectPortNotWritten_IsTheSchemasDefaultPort()
    {
        var settings = Read(Checker("SMTP_CHECK", new CheckerSchema(["helo_name"]) { DefaultConnectPort = 25 }));

        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 25), settings!.Connect);
    }

    [Fact]
    public void Read_ConnectPortWritten_BeatsTheSchemasDefaultPort()
    {
        var settings = Read(Checker("SMTP_CHECK", new CheckerSchema([]) { DefaultConnectPort = 25 }), ["connect_port 2525"]);

        Assert.Equal(2525, settings!.Connect.Port);
    }

    [Fact]
    public void Read_ConnectionKeywordsOfTheRealServer_AreNotInherited()
    {
        var settings = Read(Tcp(), real: ["connect_port 9000", "bindto 10.0.0.50"]);

        Assert.Equal(8080, settings!.Connect.Port);
        Assert.Null(settings.Bind);
    }

    [Fact]
    public void Read_BindtoAndBindPort_AreTheLocalEndpoint()
    {
        var settings = Read(Tcp(), ["bindto 10.0.0.50", "bind_port 5000", "bind_if eth1"]);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.50"), 5000), settings!.Bind);
        Assert.Equal("eth1", settings.BindInterface);
    }

    [Fact]
    public void Read_BindtoWithoutBindPort_BindsAnyPort()
    {
        var settings = Read(Tcp(), ["bindto 10.0.0.50"]);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.50"), 0), settings!.Bind);
    }

    [Fact]
    public void Read_BindPortWithoutBindto_IsAnError()
    {
        Assert.Null(Read(Tcp(), ["bind_port 5000"]));

        var issue = Assert.Single(_report.Issues);
        Assert.Equal($"{RealServer}:TCP_CHECK:bind_port", issue.Path);
        Assert.Equal($"bind_port needs bindto in {Where}", issue.Message);
    }

    [Fact]
    public void Read_BindtoOfAnotherFamilyThanTheRealServer_IsAnError()
    {
        Assert.Null(Read(Tcp(), ["bindto 2001:db8::5"]));

        var issue = Assert.Single(_report.Issues);
        Assert.Equal($"{RealServer}:TCP_CHECK:bindto", issue.Path);
        Assert.Equal($"bindto 2001:db8::5 and the checked address 10.0.0.1 are of different address families in {Where}", issue.Message);
    }

    [Fact]
    public void Read_BindtoOfAnotherFamilyThanConnectIp_IsAnError()
    {
        Assert.Null(Read(Tcp(), ["bindto 10.0.0.50", "connect_ip 2001:db8::9"]));

        Assert.Equal($"bindto 10.0.0.50 and the checked address 2001:db8::9 are of different address families in {Where}", Assert.Single(_report.Issues).Message);
    }

    [Fact]
    public void Read_BindtoOfTheFamilyOfConnectIp_IsAccepted()
    {
        var settings = Read(Tcp(), ["bindto 2001:db8::5", "connect_ip 2001:db8::9"]);

        Assert.Equal(IPAddress.Parse("2001:db8::5"), settings!.Bind!.Address);
    }

    [Fact]
    public void Read_BindtoOfAnotherFamilyWithBindPort_IsOneError()
    {
        Assert.Null(Read(Tcp(), ["bindto 2001:db8::5", "bind_port 5000", "connect_ip 10.0.0.9"]));

        Assert.Equal([$"bindto 2001:db8::5 and the checked address 10.0.0.9 are of different address families in {Where}"], _report.Issues.Select(i => i.Message));
    }

    [Theory]
    [InlineData("fwmark 7", 7u)]
    [InlineData("fwmark 4294967295", uint.MaxValue)]
    public void Read_Fwmark_MarksTheProbe(string line, uint expected)
    {
        Assert.Equal(expected, Read(Tcp(), [line])!.Fwmark);
    }

    [Theory]
    [InlineData("fwmark 0", "fwmark 0 out of range 1-4294967295 in " + Where)]
    [InlineData("fwmark 4294967296", "fwmark 4294967296 out of range 1-4294967295 in " + Where)]
    [InlineData("connect_port 70000", "connect_port 70000 out of range 1-65535 in " + Where)]
    [InlineData("connect_port 0", "connect_port 0 out of range 1-65535 in " + Where)]
    [InlineData("connect_ip 10.1", "invalid connect_ip '10.1' in " + Where + ": not an IP address")]
    [InlineData("bindto 10.0.0", "invalid bindto '10.0.0' in " + Where + ": not an IP address")]
    [InlineData("bind_port http", "invalid bind_port 'http' in " + Where)]
    [InlineData("delay_loop 0", "delay_loop 0 out of range 0.001-86400 in " + Where)]
    [InlineData("delay_loop 86401", "delay_loop 86401 out of range 0.001-86400 in " + Where)]
    [InlineData("delay_loop 5s", "invalid delay_loop '5s' in " + Where)]
    [InlineData("connect_timeout 0", "connect_timeout 0 out of range 0.001-3600 in " + Where)]
    [InlineData("connect_timeout 3601", "connect_timeout 3601 out of range 0.001-3600 in " + Where)]
    [InlineData("warmup -1", "invalid warmup '-1' in " + Where)]
    [InlineData("delay_before_retry 86401", "delay_before_retry 86401 out of range 0-86400 in " + Where)]
    [InlineData("retry 1000001", "retry 1000001 out of range 0-1000000 in " + Where)]
    [InlineData("retry -1", "retry -1 out of range 0-1000000 in " + Where)]
    [InlineData("nb_get_retry x", "invalid nb_get_retry 'x' in " + Where)]
    public void Read_InvalidOwnValue_IsReportedAndNull(string line, string message)
    {
        Assert.Null(Read(Tcp(), [line]));

        Assert.Equal([message], _report.Issues.Select(i => i.Message));
    }

    [Theory]
    [InlineData(null, "delay_loop abc", "invalid delay_loop 'abc' in real_server 10.0.0.1 8080")]
    [InlineData(null, "retry many", "invalid retry 'many' in real_server 10.0.0.1 8080")]
    [InlineData(null, "nb_get_retry -2", "nb_get_retry -2 out of range 0-1000000 in real_server 10.0.0.1 8080")]
    [InlineData("connect_timeout 0", null, "connect_timeout 0 out of range 0.001-3600 in virtual_server 10.0.0.100 80")]
    [InlineData("warmup soon", null, "invalid warmup 'soon' in virtual_server 10.0.0.100 80")]
    [InlineData("delay_before_retry -1", null, "invalid delay_before_retry '-1' in virtual_server 10.0.0.100 80")]
    public void Read_InvalidInheritedValue_IsReportedInItsServerAndNull(string? virtualServer, string? real, string message)
    {
        Assert.Null(Read(Tcp(), real: Lines(real), virtualServer: Lines(virtualServer)));

        Assert.Equal([message], _report.Issues.Select(i => i.Message));
    }

    [Theory]
    [InlineData(null, null, "alpha maybe", "invalid alpha 'maybe' in TCP_CHECK of real_server 10.0.0.1 8080 (expected yes or no)")]
    [InlineData(null, "alpha maybe", null, "invalid alpha 'maybe' in real_server 10.0.0.1 8080 (expected yes or no)")]
    [InlineData("alpha maybe", null, null, "invalid alpha 'maybe' in virtual_server 10.0.0.100 80 (expected yes or no)")]
    [InlineData("omega sometimes", null, null, "invalid omega 'sometimes' in virtual_server 10.0.0.100 80 (expected yes or no)")]
    [InlineData(null, null, "log_all_failures 2", "invalid log_all_failures '2' in TCP_CHECK of real_server 10.0.0.1 8080 (expected yes or no)")]
    public void Read_InvalidFlag_IsReportedAndNull(string? virtualServer, string? real, string? own, string message)
    {
        Assert.Null(Read(Tcp(), Lines(own), Lines(real), Lines(virtualServer)));

        Assert.Equal([message], _report.Issues.Select(i => i.Message));
    }

    [Fact]
    public void Read_TwoCheckersInheritingOneInvalidFlag_AreBothNullAndItIsReportedOnce()
    {
        var tree = Tree.Of(($"{VirtualServer}:name", "10.0.0.100 80"), ($"{RealServer}:name", "10.0.0.1 8080"), ($"{RealServer}:alpha", "maybe"));
        var rs = tree.GetSection(RealServer);

        var tcp = CheckerBlockReader.Read(Tcp(), rs.GetSection("TCP_CHECK"), rs, tree.GetSection(VirtualServer), Context, _report);
        var http = CheckerBlockReader.Read(Checker("HTTP_GET", new CheckerSchema(["url"])), rs.GetSection("HTTP_GET"), rs, tree.GetSection(VirtualServer), Context, _report);

        Assert.Null(tcp);
        Assert.Null(http);
        Assert.Single(_report.Issues);
    }

    [Fact]
    public void Read_SameBlockReadTwiceIntoOneReport_IsNullBothTimes()
    {
        var checker = Checker("SMTP_CHECK", new CheckerSchema(["helo_name"]), b => b.Error("helo_name", "bad helo_name"));

        Assert.Null(Read(checker, ["helo_name x"]));
        Assert.Null(Read(checker, ["helo_name x"]));

        Assert.Single(_report.Issues);
    }

    [Fact]
    public void Read_InvalidInheritedValue_IsReportedAtTheServersKey()
    {
        var report = new ValidationReport(new MapLocator(($"{RealServer}:delay_loop", 21)));

        Assert.Null(Read(Tcp(), real: ["delay_loop abc"], report: report));

        var issue = Assert.Single(report.Issues);
        Assert.Equal($"{RealServer}:delay_loop", issue.Path);
        Assert.Equal(new SourceLocation(MapLocator.File, 21), issue.Location);
    }

    [Fact]
    public void Read_TwoCheckersInheritingOneInvalidValue_AreBothNullAndItIsReportedOnce()
    {
        var tree = Tree.Of(($"{VirtualServer}:name", "10.0.0.100 80"), ($"{RealServer}:name", "10.0.0.1 8080"), ($"{RealServer}:delay_loop", "abc"));
        var rs = tree.GetSection(RealServer);

        var tcp = CheckerBlockReader.Read(Tcp(), rs.GetSection("TCP_CHECK"), rs, tree.GetSection(VirtualServer), Context, _report);
        var http = CheckerBlockReader.Read(Checker("HTTP_GET", new CheckerSchema(["url"])), rs.GetSection("HTTP_GET"), rs, tree.GetSection(VirtualServer), Context, _report);

        Assert.Null(tcp);
        Assert.Null(http);
        Assert.Single(_report.Issues);
    }

    [Fact]
    public void Read_UnknownKeyword_IsNamedWithTheCheckerAndRealServer()
    {
        Assert.Null(Read(Tcp(), ["bogus 1", "url_path /"]));

        Assert.Equal(
            [$"unknown keyword 'bogus' in {Where}", $"unknown keyword 'url_path' in {Where}"],
            _report.Issues.Select(i => i.Message));
        Assert.All(_report.Issues, i => Assert.Equal(ConfigSeverity.Error, i.Severity));
    }

    [Fact]
    public void Read_OmegaInTheCheckerBlock_IsUnknown()
    {
        Assert.Null(Read(Tcp(), ["omega"]));

        Assert.Equal([$"unknown keyword 'omega' in {Where}"], _report.Issues.Select(i => i.Message));
    }

    [Fact]
    public void Read_RealServerWithoutName_IsNamedByItsKeyword()
    {
        var tree = Tree.Of(($"{RealServer}:weight", "1"), ($"{RealServer}:TCP_CHECK:bogus", "1"));
        var rs = tree.GetSection(RealServer);

        CheckerBlockReader.Read(Tcp(), rs.GetSection("TCP_CHECK"), rs, tree.GetSection(VirtualServer), Context, _report);

        Assert.Equal(["unknown keyword 'bogus' in TCP_CHECK of real_server"], _report.Issues.Select(i => i.Message));
    }

    [Fact]
    public void Read_OwnKeywords_AreAcceptedAndHandedToValidate()
    {
        var checker = Checker("HTTP_GET", new CheckerSchema(["url", "virtualhost"]));

        var settings = Read(checker, ["url:0:path /health", "virtualhost example.com"]);

        Assert.NotNull(settings);
        Assert.Empty(_report.Issues);
        var block = Assert.Single(checker.Validated);
        Assert.Equal("HTTP_GET of real_server 10.0.0.1 8080", block.Context);
        Assert.Equal($"{RealServer}:HTTP_GET", block.Section.Path);
        Assert.Same(_report, block.Report);
        Assert.Equal("example.com", block.String("virtualhost"));
    }

    [Fact]
    public void Read_ValidateReportsAnError_IsNull()
    {
        var checker = Checker("SMTP_CHECK", new CheckerSchema(["helo_name"]), b => b.Error("helo_name", $"helo_name needs one host name in {b.Context}"));

        Assert.Null(Read(checker, ["helo_name a b"]));

        var issue = Assert.Single(_report.Issues);
        Assert.Equal($"{RealServer}:SMTP_CHECK:helo_name", issue.Path);
        Assert.Equal("helo_name needs one host name in SMTP_CHECK of real_server 10.0.0.1 8080", issue.Message);
    }

    [Fact]
    public void Read_ValidateReportsAWarning_StillHasSettings()
    {
        var checker = Checker("SMTP_CHECK", new CheckerSchema(["helo_name"]), b => b.Warning("helo_name", "helo_name is ignored"));

        Assert.NotNull(Read(checker, ["helo_name x"]));
        Assert.Equal(ConfigSeverity.Warning, Assert.Single(_report.Issues).Severity);
    }

    [Fact]
    public void Read_InvalidStandardValue_StillRunsValidateSoEveryErrorIsReported()
    {
        var checker = Checker("SMTP_CHECK", new CheckerSchema(["helo_name"]), b => b.Error("helo_name", "bad helo_name"));

        Assert.Null(Read(checker, ["helo_name x"], real: ["delay_loop abc"]));

        Assert.Equal(["invalid delay_loop 'abc' in real_server 10.0.0.1 8080", "bad helo_name"], _report.Issues.Select(i => i.Message));
    }

    [Fact]
    public void Read_ErrorsReportedBeforeTheRead_DoNotFailIt()
    {
        _report.Error("vrrp_instance:0:priority", "an unrelated error");

        Assert.NotNull(Read(Tcp()));
    }

    [Fact]
    public void Read_CheckerWithoutStandardKeywords_RejectsConnectIpOnce()
    {
        Assert.Null(Read(FileCheck(), ["file /run/healthy", "connect_ip 10.1"]));

        Assert.Equal(["unknown keyword 'connect_ip' in FILE_CHECK of real_server 10.0.0.1 8080"], _report.Issues.Select(i => i.Message));
    }

    [Fact]
    public void Read_CheckerWithoutStandardKeywords_RejectsItsOwnDelayLoopOnce()
    {
        Assert.Null(Read(FileCheck(), ["delay_loop abc"], real: ["delay_loop 7"]));

        Assert.Equal(["unknown keyword 'delay_loop' in FILE_CHECK of real_server 10.0.0.1 8080"], _report.Issues.Select(i => i.Message));
    }

    [Fact]
    public void Read_CheckerWithoutStandardKeywords_InheritsTimingFromTheServers()
    {
        var settings = Read(FileCheck(), ["file /run/healthy"], real: ["delay_loop 7", "alpha"], virtualServer: ["retry 4", "connect_timeout 2"]);

        Assert.NotNull(settings);
        Assert.Equal(TimeSpan.FromSeconds(7), settings.Schedule.DelayLoop);
        Assert.Equal(TimeSpan.FromSeconds(7), settings.Schedule.Warmup);
        Assert.True(settings.Schedule.Alpha);
        Assert.Equal(4, settings.Schedule.Retry);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.ConnectTimeout);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 8080), settings.Connect);
        Assert.Null(settings.Bind);
        Assert.Null(settings.BindInterface);
        Assert.Equal(0u, settings.Fwmark);
        Assert.False(settings.Schedule.LogAllFailures);
    }

    [Fact]
    public void Read_TimingOnlyChecker_RejectsConnectionKeywords()
    {
        var misc = Checker("MISC_CHECK", new CheckerSchema(["misc_path"], StandardCheckerOptions.Timing) { DefaultRetry = 0 });

        Assert.Null(Read(misc, ["misc_path /bin/true", "connect_port 9000", "delay_loop 3"]));

        Assert.Equal(["unknown keyword 'connect_port' in MISC_CHECK of real_server 10.0.0.1 8080"], _report.Issues.Select(i => i.Message));
    }

    [Fact]
    public void Read_TimingOnlyChecker_ReadsItsOwnTiming()
    {
        var misc = Checker("MISC_CHECK", new CheckerSchema(["misc_path"], StandardCheckerOptions.Timing) { DefaultRetry = 0 });

        var settings = Read(misc, ["misc_path /bin/true", "delay_loop 3", "log_all_failures"], real: ["delay_loop 9"]);

        Assert.Equal(TimeSpan.FromSeconds(3), settings!.Schedule.DelayLoop);
        Assert.Equal(0, settings.Schedule.Retry);
        Assert.True(settings.Schedule.LogAllFailures);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 8080), settings.Connect);
    }

    [Fact]
    public void Read_ConnectionOnlyChecker_InheritsTimingAndReadsItsConnection()
    {
        var checker = Checker("PING_CHECK", new CheckerSchema([], StandardCheckerOptions.Connection));

        var settings = Read(checker, ["connect_ip 10.0.0.9"], real: ["delay_loop 9"]);

        Assert.Equal(TimeSpan.FromSeconds(9), settings!.Schedule.DelayLoop);
        Assert.Equal(IPAddress.Parse("10.0.0.9"), settings.Connect.Address);
    }

    [Fact]
    public void Read_NullArgument_Throws()
    {
        var section = Tree.Of().GetSection("x");
        var checker = Tcp();

        Assert.Throws<ArgumentNullException>(() => CheckerBlockReader.Read(null!, section, section, section, Context, _report));
        Assert.Throws<ArgumentNullException>(() => CheckerBlockReader.Read(checker, null!, section, section, Context, _report));
        Assert.Throws<ArgumentNullException>(() => CheckerBlockReader.Read(checker, section, null!, section, Context, _report));
        Assert.Throws<ArgumentNullException>(() => CheckerBlockReader.Read(checker, section, section, null!, Context, _report));
        Assert.Throws<ArgumentNullException>(() => CheckerBlockReader.Read(checker, section, section, section, null!, _report));
        Assert.Throws<ArgumentNullException>(() => CheckerBlockReader.Read(checker, section, section, section, Context, null!));
    }

    private static FakeChecker Tcp(CheckerSchema? schema = null) => new("TCP_CHECK", schema ?? new CheckerSchema([]));

    private static FakeChecker FileCheck() => new("FILE_CHECK", new CheckerSchema(["file", "weight"], StandardCheckerOptions.None));

    private static FakeChecker Checker(string name, CheckerSchema schema, Action<ConfigBlock>? validate = null) => new(name, schema, validate);

    private static string[] Lines(string? line) => line is null ? [] : [line];

    private static string[] Lines(string key, string? value) => value is null ? [] : [$"{key} {value}"];

    /// <summary>
    /// Reads <paramref name="checker"/>'s block under real_server 10.0.0.1 8080 of virtual_server 10.0.0.100 80; each line
    /// is <c>keyword value</c> (a bare keyword is <c>true</c>) at the checker, the real server or the virtual server.
    /// </summary>
    private CheckSettings? Read(IHealthChecker checker, string[]? own = null, string[]? real = null, string[]? virtualServer = null, ValidationReport? report = null)
    {
        var values = new List<(string, string?)> { ($"{VirtualServer}:name", "10.0.0.100 80"), ($"{RealServer}:name", "10.0.0.1 8080") };
        values.AddRange(Entries($"{RealServer}:{checker.Name}", own));
        values.AddRange(Entries(RealServer, real));
        values.AddRange(Entries(VirtualServer, virtualServer));
        var tree = Tree.Of([.. values]);
        var rs = tree.GetSection(RealServer);
        return CheckerBlockReader.Read(checker, rs.GetSection(checker.Name), rs, tree.GetSection(VirtualServer), Context, report ?? _report);
    }

    private static IEnumerable<(string, string?)> Entries(string prefix, string[]? lines) =>
        (lines ?? []).Select(line => line.Split(' ', 2) is [var key, var value] ? ($"{prefix}:{key}", (string?)value) : ($"{prefix}:{line}", "true"));
}
