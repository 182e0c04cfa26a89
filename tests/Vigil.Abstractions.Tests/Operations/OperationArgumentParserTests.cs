using System.Net;
using Vigil.Abstractions.Operations;
using Vigil.Abstractions.VirtualServers;

namespace Vigil.Abstractions.Tests.Operations;

public class OperationArgumentParserTests
{
    private static readonly OperationDescriptor Drain = new(
        "rs.drain",
        "Drain a real server",
        [
            new OperationParameter("vs", OperationParameterType.VirtualServer, "the virtual server"),
            new OperationParameter("rs", OperationParameterType.RealServer, "the real server"),
            new OperationParameter("wait", OperationParameterType.Duration, "how long to wait", Required: false),
            new OperationParameter("force", OperationParameterType.Boolean, "drain below quorum", Required: false),
            new OperationParameter("weight", OperationParameterType.Integer, "the weight meanwhile", Required: false),
            new OperationParameter("note", OperationParameterType.String, "why", Required: false),
            new OperationParameter("source", OperationParameterType.Address, "who asks", Required: false),
        ]);

    [Fact]
    public void TryParse_EveryArgument_IsConvertedToItsType()
    {
        var ok = OperationArgumentParser.TryParse(
            Drain,
            Raw(("vs", "10.1.0.93 80"), ("rs", "10.1.0.69:80"), ("wait", "2m"), ("force", "yes"), ("weight", "-3"), ("note", "kernel update"), ("source", "2001:db8::7")),
            out var arguments,
            out var error);

        Assert.True(ok, error);
        Assert.Equal("", error);
        Assert.Equal(VirtualServerKey.Parse("10.1.0.93:80/tcp"), arguments!.VirtualServer("vs"));
        Assert.Equal(RealServerKey.Parse("10.1.0.69 80"), arguments.RealServer("rs"));
        Assert.Equal(TimeSpan.FromMinutes(2), arguments.Duration("wait"));
        Assert.True(arguments.Boolean("force"));
        Assert.Equal(-3L, arguments.Integer("weight"));
        Assert.Equal("kernel update", arguments.String("note"));
        Assert.Equal(IPAddress.Parse("2001:db8::7"), arguments.Address("source"));
    }

    [Fact]
    public void TryParse_OptionalArgumentsAbsent_AreAbsent()
    {
        Assert.True(OperationArgumentParser.TryParse(Drain, Raw(("vs", "fwmark:7"), ("rs", "10.1.0.69:80")), out var arguments, out _));

        Assert.True(arguments.Has("vs"));
        Assert.False(arguments.Has("wait"));
        Assert.Null(arguments.Duration("wait"));
        Assert.Null(arguments.Boolean("force"));
        Assert.Null(arguments.Integer("weight"));
        Assert.Null(arguments.String("note"));
        Assert.Null(arguments.Address("source"));
    }

    [Fact]
    public void TryParse_UnknownArgument_ListsWhatTheOperationTakes()
    {
        Assert.False(OperationArgumentParser.TryParse(Drain, Raw(("vs", "fwmark:7"), ("rs", "10.1.0.69:80"), ("bogus", "1")), out var arguments, out var error));

        Assert.Null(arguments);
        Assert.Equal("rs.drain: unknown argument 'bogus' (takes vs, rs, wait, force, weight, note, source)", error);
    }

    [Fact]
    public void TryParse_UnknownArgument_IsReportedBeforeMissingOnes()
    {
        Assert.False(OperationArgumentParser.TryParse(Drain, Raw(("bogus", "1")), out _, out var error));

        Assert.Equal("rs.drain: unknown argument 'bogus' (takes vs, rs, wait, force, weight, note, source)", error);
    }

    [Fact]
    public void TryParse_ArgumentNames_AreCaseSensitive()
    {
        Assert.False(OperationArgumentParser.TryParse(Drain, Raw(("VS", "fwmark:7"), ("rs", "10.1.0.69:80")), out _, out var error));

        Assert.Equal("rs.drain: unknown argument 'VS' (takes vs, rs, wait, force, weight, note, source)", error);
    }

    [Fact]
    public void TryParse_AnyArgumentToAnOperationTakingNone_SaysSo()
    {
        var status = new OperationDescriptor("vrrp.status", "Show VRRP instances", []);

        Assert.False(OperationArgumentParser.TryParse(status, Raw(("instance", "VI_1")), out _, out var error));

        Assert.Equal("vrrp.status: unknown argument 'instance' (takes no arguments)", error);
    }

    [Fact]
    public void TryParse_NoArgumentsToAnOperationTakingNone_Succeeds()
    {
        var status = new OperationDescriptor("vrrp.status", "Show VRRP instances", []);

        Assert.True(OperationArgumentParser.TryParse(status, Raw(), out var arguments, out _));
        Assert.False(arguments.Has("instance"));
    }

    [Fact]
    public void TryParse_MissingRequiredArgument_NamesAndDescribesIt()
    {
        Assert.False(OperationArgumentParser.TryParse(Drain, Raw(("vs", "fwmark:7")), out var arguments, out var error));

        Assert.Null(arguments);
        Assert.Equal("rs.drain: missing argument 'rs' (the real server)", error);
    }

    [Fact]
    public void TryParse_SeveralMissing_NamesTheFirstInDeclaredOrder()
    {
        Assert.False(OperationArgumentParser.TryParse(Drain, Raw(("wait", "5")), out _, out var error));

        Assert.Equal("rs.drain: missing argument 'vs' (the virtual server)", error);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("  spaced  ", "  spaced  ")]
    [InlineData("é ✓", "é ✓")]
    public void TryParse_String_IsTheTextAsGiven(string text, string expected)
    {
        Assert.Equal(expected, Parse(OperationParameterType.String, text).String("x"));
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("-5", -5)]
    [InlineData("+5", 5)]
    [InlineData(" 7 ", 7)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void TryParse_Integer_IsALong(string text, long expected)
    {
        Assert.Equal(expected, Parse(OperationParameterType.Integer, text).Integer("x"));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("1", true)]
    [InlineData("TRUE", true)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    public void TryParse_Boolean_IsAKeepalivedFlag(string text, bool expected)
    {
        Assert.Equal(expected, Parse(OperationParameterType.Boolean, text).Boolean("x"));
    }

    [Theory]
    [InlineData("30", 30_000)]
    [InlineData("0.5", 500)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("1h", 3_600_000)]
    public void TryParse_Duration_IsATimeSpan(string text, int milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Parse(OperationParameterType.Duration, text).Duration("x"));
    }

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    [InlineData("::ffff:10.0.0.1", "10.0.0.1")]
    public void TryParse_Address_IsAnIPAddress(string text, string expected)
    {
        Assert.Equal(IPAddress.Parse(expected), Parse(OperationParameterType.Address, text).Address("x"));
    }

    [Theory]
    [InlineData("10.1.0.93:80/tcp", "10.1.0.93:80/tcp")]
    [InlineData("10.1.0.93 80", "10.1.0.93:80/tcp")]
    [InlineData("[2001:db8::1]:53/udp", "[2001:db8::1]:53/udp")]
    [InlineData("fwmark:7", "fwmark:7")]
    [InlineData("fwmark 7 inet6", "fwmark:7/inet6")]
    [InlineData("group:web", "group:web/tcp")]
    public void TryParse_VirtualServer_IsAKeyDefaultingToTcp(string text, string expected)
    {
        Assert.Equal(expected, Parse(OperationParameterType.VirtualServer, text).VirtualServer("x")!.ToString());
    }

    [Theory]
    [InlineData("10.1.0.69:80", "10.1.0.69:80")]
    [InlineData("10.1.0.69 80", "10.1.0.69:80")]
    [InlineData("[2001:db8::1]:80", "[2001:db8::1]:80")]
    [InlineData("10.1.0.69", "10.1.0.69:0")]
    public void TryParse_RealServer_IsAKeyWithoutADefaultPort(string text, string expected)
    {
        Assert.Equal(expected, Parse(OperationParameterType.RealServer, text).RealServer("x")!.ToString());
    }

    [Theory]
    [InlineData(OperationParameterType.Integer, "x", "op: x 'x': not a whole number")]
    [InlineData(OperationParameterType.Integer, "1.5", "op: x '1.5': not a whole number")]
    [InlineData(OperationParameterType.Integer, "", "op: x '': not a whole number")]
    [InlineData(OperationParameterType.Integer, "9223372036854775808", "op: x '9223372036854775808': not a whole number")]
    [InlineData(OperationParameterType.Boolean, "maybe", "op: x 'maybe': expected yes or no")]
    [InlineData(OperationParameterType.Boolean, "2", "op: x '2': expected yes or no")]
    [InlineData(OperationParameterType.Duration, "soon", "op: x 'soon': not a duration (30, 0.5, 500ms, 2m, 1h)")]
    [InlineData(OperationParameterType.Duration, "-1", "op: x '-1': not a duration (30, 0.5, 500ms, 2m, 1h)")]
    [InlineData(OperationParameterType.Duration, "nan", "op: x 'nan': not a duration (30, 0.5, 500ms, 2m, 1h)")]
    [InlineData(OperationParameterType.Duration, "400d", "op: x '400d': not a duration (30, 0.5, 500ms, 2m, 1h)")]
    [InlineData(OperationParameterType.Duration, "", "op: x '': not a duration (30, 0.5, 500ms, 2m, 1h)")]
    [InlineData(OperationParameterType.Address, "10.1", "op: x '10.1': not an IP address")]
    [InlineData(OperationParameterType.Address, "010.0.0.1", "op: x '010.0.0.1': not an IP address")]
    [InlineData(OperationParameterType.Address, "lb1", "op: x 'lb1': not an IP address")]
    [InlineData(OperationParameterType.VirtualServer, "10.1.0.93 70000", "op: x '10.1.0.93 70000': port '70000' is not a number in 0-65535")]
    [InlineData(OperationParameterType.VirtualServer, "fwmark 0", "op: x 'fwmark 0': fwmark '0' is not a number in 1-4294967295")]
    [InlineData(OperationParameterType.VirtualServer, "", "op: x '': a virtual server needs an address and port, 'fwmark N' or 'group NAME'")]
    [InlineData(OperationParameterType.RealServer, "web1:80", "op: x 'web1:80': 'web1' is not an IP address")]
    [InlineData(OperationParameterType.RealServer, "", "op: x '': an address is missing")]
    public void TryParse_Malformed_NamesTheArgumentItsTextAndWhy(OperationParameterType type, string text, string expected)
    {
        var descriptor = new OperationDescriptor("op", "", [new OperationParameter("x", type, "the x")]);

        Assert.False(OperationArgumentParser.TryParse(descriptor, Raw(("x", text)), out var arguments, out var error));

        Assert.Null(arguments);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_NullDescriptorOrArguments_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => OperationArgumentParser.TryParse(null!, Raw(), out _, out _));
        Assert.Throws<ArgumentNullException>(() => OperationArgumentParser.TryParse(Drain, null!, out _, out _));
    }

    private static OperationArguments Parse(OperationParameterType type, string text)
    {
        var descriptor = new OperationDescriptor("op", "", [new OperationParameter("x", type, "the x")]);
        Assert.True(OperationArgumentParser.TryParse(descriptor, Raw(("x", text)), out var arguments, out var error), error);
        return arguments;
    }

    private static Dictionary<string, string> Raw(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
