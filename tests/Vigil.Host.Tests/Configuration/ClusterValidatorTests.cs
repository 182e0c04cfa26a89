using Vigil.Abstractions.Configuration;
using Vigil.Host.Configuration;

namespace Vigil.Host.Tests.Configuration;

public sealed class ClusterValidatorTests : IDisposable
{
    private readonly TempConfig _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validate_SectionClaimedByEnabledModule_IsNotReported()
    {
        var configuration = _temp.Load("my_section {\n x 1\n}\n").Configuration!;
        var module = new FakeModule("mine", ["my_section"], []);

        Assert.Empty(ClusterValidator.Validate(configuration, [module], []).Issues);
    }

    [Fact]
    public void Validate_SharedSection_IsHandledWhileAnyModuleSharingItIsEnabled()
    {
        var configuration = _temp.Load("track_file tf {\n file /tmp/tf\n}\n").Configuration!;
        var checkers = new FakeModule("checkers", [], []) { SharedSections = ["track_file"] };
        var vrrp = new FakeModule("vrrp", ["vrrp_instance"], []) { SharedSections = ["track_file"] };

        Assert.Empty(ClusterValidator.Validate(configuration, [checkers], []).Issues);
        Assert.Empty(ClusterValidator.Validate(configuration, [vrrp, checkers], []).Issues);
        Assert.Equal(
            "keepalived.conf:1: warning: section 'track_file' needs module 'vrrp', which is not enabled; ignored",
            _temp.Relative(Assert.Single(ClusterValidator.Validate(configuration, [new FakeModule("notify", [], [])], []).Issues).ToString()));
    }

    [Fact]
    public void Validate_KnownSectionOfEnabledModuleThatDoesNotClaimIt_IsAWarning()
    {
        var configuration = _temp.Load("static_routes {\n 10.0.0.0/8 via 1.2.3.4\n}\n").Configuration!;
        var vrrp = new FakeModule("vrrp", ["vrrp_instance"], []);

        var issue = Assert.Single(ClusterValidator.Validate(configuration, [vrrp], []).Issues);

        Assert.Equal("keepalived.conf:1: warning: section 'static_routes' is not handled by module 'vrrp'; ignored", _temp.Relative(issue.ToString()));
    }

    [Fact]
    public void Validate_GlobalKeyClaimedByEnabledModule_IsThatModulesBusiness()
    {
        var configuration = _temp.Load("global_defs {\n my_key whatever\n vrrp_strict\n}\n").Configuration!;
        var module = new FakeModule("mine", [], ["my_key"]);

        var issue = Assert.Single(ClusterValidator.Validate(configuration, [module], []).Issues);

        Assert.Equal("keepalived.conf:3: warning: 'vrrp_strict' in global_defs needs module 'vrrp', which is not enabled; ignored", _temp.Relative(issue.ToString()));
    }

    [Theory]
    [InlineData("dhcp_subnet")]
    [InlineData("tftp_server")]
    [InlineData("pxe_menu")]
    [InlineData("http_boot")]
    public void Validate_PxeSections_NeedThePxeModule(string section)
    {
        var configuration = _temp.Load($"{section} x {{\n}}\n").Configuration!;

        var issue = Assert.Single(ClusterValidator.Validate(configuration, [], []).Issues);

        Assert.Equal($"section '{section}' needs module 'pxe', which is not enabled; ignored", issue.Message);
    }

    [Fact]
    public void Validate_RepeatedGlobalDefs_ChecksEveryBlock()
    {
        var configuration = _temp.Load("global_defs {\n router_id a\n}\nglobal_defs {\n bogus 1\n}\n").Configuration!;

        var issue = Assert.Single(ClusterValidator.Validate(configuration, [], []).Issues);

        Assert.Equal("keepalived.conf:5: error: unknown keyword 'bogus' in global_defs", _temp.Relative(issue.ToString()));
    }

    [Fact]
    public void Validate_RunsHostChecksThenEveryValidatorAndSurvivesOneThatThrows()
    {
        var configuration = _temp.Load("vrrp_instance V {\n priority 300\n}\nbogus 1\n").Configuration!;
        var order = new List<string>();
        IConfigValidator[] validators =
        [
            new DelegateValidator((c, r) => throw new InvalidOperationException("boom")),
            new DelegateValidator((c, r) => r.Error("vrrp_instance:0:priority", "priority 300 out of range 1-254 in vrrp_instance V")),
        ];

        var report = ClusterValidator.Validate(configuration, FakeModule.Defaults, validators);

        Assert.Equal(
            [
                "<configuration>: error: validator DelegateValidator failed: boom",
                "keepalived.conf:2: error: priority 300 out of range 1-254 in vrrp_instance V",
                "keepalived.conf:4: error: unknown keyword 'bogus'",
            ],
            report.Sorted().Select(i => _temp.Relative(i.ToString())));
        Assert.Equal("unknown keyword 'bogus'", report.Issues[0].Message);
    }

    [Fact]
    public void Validate_DeprecatedKeywordInDisabledSection_IsNotReported()
    {
        var configuration = ClusterConfigLoader.Load(Fixtures.PathOf("seed/07-ipvs-dr-nat-mask.conf"), "node1").Configuration!;

        var report = ClusterValidator.Validate(configuration, FakeModule.Defaults, []);

        Assert.DoesNotContain(report.Issues, i => i.Message.Contains("deprecated", StringComparison.Ordinal));
    }

    private sealed class DelegateValidator(Action<ClusterConfiguration, ValidationReport> validate) : IConfigValidator
    {
        public void Validate(ClusterConfiguration configuration, ValidationReport report) => validate(configuration, report);
    }
}
