using Vigil.Abstractions.Configuration;
using Vigil.Abstractions.Modules;
using Vigil.Host.Configuration;

namespace Vigil.Host.Tests.Configuration;

public sealed class SeedFixtureTests
{
    public static TheoryData<string> SeedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Fixtures.PathOf("seed"), "*.conf").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void SeedFolder_HoldsEveryExampleOfTheSpec() => Assert.Equal(8, SeedFiles().Count);

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Validate_NoModulesEnabled_EverySectionIsOnlyAWarning(string file)
    {
        var (load, report) = LoadAndValidate(file, []);

        Assert.Empty(load.Issues);
        Assert.False(report.HasErrors, string.Join('\n', report.Issues));
        var sections = load.Configuration!.Root.GetChildren().Select(s => s.Key).Where(k => k != "global_defs");
        foreach (var section in sections)
        {
            Assert.Contains(report.Issues, i => i.Message.StartsWith($"section '{section}' needs module", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Validate_RealOwnershipTables_NoErrorsAndOnlyDeprecationWarnings(string file)
    {
        var (load, report) = LoadAndValidate(file, FakeModule.All);

        Assert.Empty(load.Issues);
        Assert.All(report.Issues, i =>
        {
            Assert.Equal(ConfigSeverity.Warning, i.Severity);
            Assert.Contains("is deprecated", i.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Validate_SeedWithDeprecatedKeywords_WarnsAtEachUse()
    {
        var (_, report) = LoadAndValidate("07-ipvs-dr-nat-mask.conf", FakeModule.All);

        Assert.Equal(
            [
                "seed/07-ipvs-dr-nat-mask.conf:34: warning: 'nat_mask' in virtual_server 172.16.100.71 80 is deprecated: it is no longer used and is ignored",
                "seed/07-ipvs-dr-nat-mask.conf:48: warning: 'nb_get_retry' in HTTP_GET is deprecated: use 'retry' instead",
                "seed/07-ipvs-dr-nat-mask.conf:61: warning: 'nb_get_retry' in HTTP_GET is deprecated: use 'retry' instead",
            ],
            report.Sorted().Select(i => Fixtures.Relative(i.ToString())));
    }

    [Fact]
    public void Load_SeedIpvsExample_HasTheExpectedShape()
    {
        var configuration = ClusterConfigLoader.Load(Fixtures.PathOf("seed/03-ipvs-http-get.conf"), "node1").Configuration!;

        Assert.Equal("10.1.0.93 80", configuration.Root["virtual_server:0:name"]);
        Assert.Equal("10.1.0.71 80", configuration.Root["virtual_server:0:real_server:1:name"]);
        Assert.Equal("200", configuration.Root["virtual_server:0:real_server:1:HTTP_GET:url:status_code"]);
        Assert.Equal("/etc/keepalived/notify.sh master", configuration.Root["vrrp_instance:0:notify_master"]);
        Assert.Equal(["root@localhost"], ConfigSections.Lines(configuration.Section("global_defs").GetSection("notification_email")));
    }

    private static (ClusterLoadResult Load, ValidationReport Report) LoadAndValidate(string file, IReadOnlyList<IClusterModule> modules)
    {
        var load = ClusterConfigLoader.Load(Fixtures.PathOf("seed/" + file), "node1");
        return (load, ClusterValidator.Validate(load.Configuration!, modules, []));
    }
}
