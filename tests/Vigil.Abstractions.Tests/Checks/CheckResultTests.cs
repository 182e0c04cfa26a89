using Vigil.Abstractions.Checks;

namespace Vigil.Abstractions.Tests.Checks;

public class CheckResultTests
{
    [Theory]
    [InlineData(CheckFailureKind.Timeout, "timeout")]
    [InlineData(CheckFailureKind.Refused, "connection refused")]
    [InlineData(CheckFailureKind.Reset, "connection reset")]
    [InlineData(CheckFailureKind.Unreachable, "unreachable")]
    [InlineData(CheckFailureKind.BadStatus, "bad status")]
    [InlineData(CheckFailureKind.DigestMismatch, "digest mismatch")]
    [InlineData(CheckFailureKind.BadResponse, "bad response")]
    [InlineData(CheckFailureKind.TlsError, "TLS error")]
    [InlineData(CheckFailureKind.ExitCode, "exit code")]
    [InlineData(CheckFailureKind.Error, "error")]
    public void Reason_FailureWithoutCode_NamesTheKind(CheckFailureKind kind, string expected)
    {
        Assert.Equal(expected, CheckResult.Fail(kind, "detail").Reason);
    }

    [Theory]
    [InlineData(CheckFailureKind.Timeout, "timeout")]
    [InlineData(CheckFailureKind.Refused, "connection refused")]
    [InlineData(CheckFailureKind.Reset, "connection reset")]
    [InlineData(CheckFailureKind.Unreachable, "unreachable")]
    [InlineData(CheckFailureKind.BadStatus, "bad status 503")]
    [InlineData(CheckFailureKind.DigestMismatch, "digest mismatch")]
    [InlineData(CheckFailureKind.BadResponse, "bad response")]
    [InlineData(CheckFailureKind.TlsError, "TLS error")]
    [InlineData(CheckFailureKind.ExitCode, "exit code 503")]
    [InlineData(CheckFailureKind.Error, "error")]
    public void Reason_FailureWithCode_ShowsTheCodeOnlyForStatusAndExit(CheckFailureKind kind, string expected)
    {
        Assert.Equal(expected, CheckResult.Fail(kind, "detail", 503).Reason);
    }

    [Fact]
    public void Reason_EveryKind_IsCovered()
    {
        Assert.All(Enum.GetValues<CheckFailureKind>(), kind => Assert.False(string.IsNullOrEmpty(CheckResult.Fail(kind, "d").Reason)));
        Assert.Equal(10, Enum.GetValues<CheckFailureKind>().Length);
    }

    [Fact]
    public void Reason_NegativeExitCode_IsShown()
    {
        Assert.Equal("exit code -1", CheckResult.Fail(CheckFailureKind.ExitCode, "killed", -1).Reason);
    }

    [Fact]
    public void Reason_UndefinedKind_IsError()
    {
        Assert.Equal("error", new CheckResult(false, (CheckFailureKind)99, "d").Reason);
    }

    [Fact]
    public void Reason_Pass_IsOk()
    {
        Assert.Equal("ok", CheckResult.Pass().Reason);
    }

    [Fact]
    public void Pass_Default_IsHealthyOkWithoutWeight()
    {
        Assert.Equal(new CheckResult(true, null, "ok", null, null), CheckResult.Pass());
    }

    [Fact]
    public void Pass_WithWeight_CarriesIt()
    {
        var result = CheckResult.Pass("exit 7", 5);

        Assert.True(result.Healthy);
        Assert.Equal("exit 7", result.Detail);
        Assert.Equal(5, result.Weight);
        Assert.Null(result.Code);
    }

    [Fact]
    public void Fail_IsUnhealthyWithKindDetailAndCode()
    {
        Assert.Equal(new CheckResult(false, CheckFailureKind.BadStatus, "GET / gave 503", 503, null), CheckResult.Fail(CheckFailureKind.BadStatus, "GET / gave 503", 503));
    }
}
