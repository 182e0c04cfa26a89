using Vigil.Abstractions.Configuration;
using Vigil.Plugins.SmtpCheck;
using Vigil.SmtpCheck.Tests.Support;

namespace Vigil.SmtpCheck.Tests;

/// <summary>SMTP_CHECK's keywords and defaults, as keepalived 2.2's check_smtp.c reads them.</summary>
public sealed class SmtpCheckerTests
{
    [Fact]
    public void Read_Defaults_AreKeepalivedsRetryDelayAndTheRealServersPort()
    {
        var (settings, _, issues) = SmtpProbes.Read(587);

        Assert.Empty(issues);
        Assert.Equal(587, settings!.Connect.Port);
        Assert.Equal((1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)), (settings.Schedule.Retry, settings.Schedule.DelayBeforeRetry, settings.ConnectTimeout));
    }

    [Fact]
    public void Read_StandardKeywords_AreTaken()
    {
        var (settings, _, issues) = SmtpProbes.Read(25, ("connect_ip", "10.9.9.9"), ("connect_port", "2525"), ("connect_timeout", "2"), ("retry", "4"), ("delay_before_retry", "7"), ("warmup", "3"));

        Assert.Empty(issues);
        Assert.Equal(("10.9.9.9:2525", 4, 7.0, 3.0, 2.0), (settings!.Connect.ToString(), settings.Schedule.Retry, settings.Schedule.DelayBeforeRetry.TotalSeconds, settings.Schedule.Warmup.TotalSeconds, settings.ConnectTimeout.TotalSeconds));
    }

    [Fact]
    public void Targets_RealServerWithoutPort_IsCheckedOnPort25()
    {
        var (settings, block, _) = SmtpProbes.Read(0);

        var target = Assert.Single(SmtpTargets.Read(new ConfigBlock(block, "SMTP_CHECK", new ValidationReport(NullLocator())), settings));

        Assert.Equal(25, target.Connect.Port);
    }

    [Fact]
    public void Targets_Host_InheritsTheRealServerAndTheBlocksTimeout_AndTakesItsOwnConnection()
    {
        var (settings, block, issues) = SmtpProbes.Read(
            2525, ("connect_timeout", "3"), ("host:0:connect_ip", "10.0.0.7"), ("host:0:bindto", "10.0.0.1"), ("host:0:bind_port", "4000"),
            ("host:0:bind_if", "eth1"), ("host:0:fwmark", "9"), ("host:1:connect_timeout", "0.25"));
        Assert.Empty(issues);

        var targets = SmtpTargets.Read(new ConfigBlock(block, "SMTP_CHECK", new ValidationReport(NullLocator())), settings);

        Assert.Equal(
            [
                new SmtpTarget(settings!.Connect, null, null, 0, TimeSpan.FromSeconds(3)),
                new SmtpTarget(new(System.Net.IPAddress.Parse("10.0.0.7"), 2525), new(System.Net.IPAddress.Parse("10.0.0.1"), 4000), "eth1", 9, TimeSpan.FromSeconds(3)),
                new SmtpTarget(new(System.Net.IPAddress.Loopback, 2525), null, null, 0, TimeSpan.FromSeconds(0.25)),
            ],
            targets);
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("")]
    [InlineData("tab\tname")]
    [InlineData("é.example")]
    public void Validate_HeloNameThatIsNotOneHostName_IsAnError(string name)
    {
        Assert.Equal(
            [$"helo_name '{name}' in SMTP_CHECK of real_server 127.0.0.1 25 is not one host name (printable ASCII without spaces)"],
            SmtpProbes.Errors(("helo_name", name)));
    }

    [Fact]
    public void Validate_HostBlockErrors_NameTheHost()
    {
        Assert.Equal(
            [
                "unknown keyword 'retry' in host 1 of SMTP_CHECK of real_server 127.0.0.1 25",
                "connect_port 70000 out of range 1-65535 in host 1 of SMTP_CHECK of real_server 127.0.0.1 25",
                "bind_port needs bindto in host 2 of SMTP_CHECK of real_server 127.0.0.1 25",
                "bindto 2001:db8::1 and connect_ip 10.0.0.1 are of different address families in host 3 of SMTP_CHECK of real_server 127.0.0.1 25",
            ],
            SmtpProbes.Errors(
                ("host:0:retry", "3"), ("host:0:connect_port", "70000"),
                ("host:1:bind_port", "4000"),
                ("host:2:connect_ip", "10.0.0.1"), ("host:2:bindto", "2001:db8::1")));
    }

    [Fact]
    public void Validate_HostWithoutABlock_IsAnError()
    {
        Assert.Equal(["host needs a block { connect_ip …; connect_port … } in SMTP_CHECK of real_server 127.0.0.1 25"], SmtpProbes.Errors(("host", "10.0.0.1")));
    }

    [Fact]
    public void Validate_UnknownKeyword_IsAnError()
    {
        Assert.Equal(["unknown keyword 'helo' in SMTP_CHECK of real_server 127.0.0.1 25"], SmtpProbes.Errors(("helo", "x")));
    }

    private static IConfigLocator NullLocator() => new ConfigurationLocator();

    private sealed class ConfigurationLocator : IConfigLocator
    {
        public SourceLocation? Locate(string path) => null;
    }
}
