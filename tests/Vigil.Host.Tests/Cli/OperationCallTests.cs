using Vigil.Abstractions.Operations;
using Vigil.Host.Cli;

namespace Vigil.Host.Tests.Cli;

public sealed class OperationCallTests
{
    private static readonly OperationDescriptor Drain = new(
        "rs.drain",
        "drain",
        [
            new("vs", OperationParameterType.VirtualServer, "vs"),
            new("rs", OperationParameterType.RealServer, "rs"),
            new("wait", OperationParameterType.Boolean, "wait", Required: false),
            new("timeout", OperationParameterType.Duration, "timeout", Required: false),
        ],
        ["rs", "drain"]);

    [Fact]
    public void PositionalWords_FillTheParametersInOrder()
    {
        var (args, usage) = OperationCall.Parse(Drain, ["10.1.0.93:80", "10.1.0.69:80"]);
        Assert.Null(usage);
        Assert.Equal("10.1.0.93:80", args!["vs"]);
        Assert.Equal("10.1.0.69:80", args["rs"]);
    }

    [Fact]
    public void DashDashFlag_SwitchesAYesNoArgumentOn_AndDashDashNameEqualsValueNamesOne()
    {
        var (args, usage) = OperationCall.Parse(Drain, ["10.1.0.93:80", "10.1.0.69:80", "--wait", "--timeout=30s"]);
        Assert.Null(usage);
        Assert.Equal("yes", args!["wait"]);
        Assert.Equal("30s", args["timeout"]);
    }

    [Fact]
    public void DashDashValueArgumentWithoutValue_IsAUsageError()
    {
        var (args, usage) = OperationCall.Parse(Drain, ["a", "b", "--timeout"]);
        Assert.Null(args);
        Assert.Equal("rs.drain: '--timeout' needs a value: --timeout=VALUE", usage);
    }

    [Fact]
    public void UnknownDashDashOption_IsAUsageErrorNamingIt()
    {
        var (args, usage) = OperationCall.Parse(Drain, ["a", "b", "--force"]);
        Assert.Null(args);
        Assert.StartsWith("rs.drain: unknown option '--force'", usage, StringComparison.Ordinal);
    }
}
