using Vigil.Host.Configuration;

namespace Vigil.Host.Tests.Configuration;

/// <summary>
/// Every broken configuration in tests/fixtures/bad is checked against its <c>.expected</c> file: exactly the lines
/// <c>vigil check-config</c> prints (syntax problems, then, when there are no syntax errors, validation findings) (with vrrp and notify enabled, as host.json ships). Set VIGIL_UPDATE_EXPECTED=1 to rewrite them.
/// </summary>
public sealed class BadFixtureTests
{
    public static TheoryData<string> BadFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Fixtures.PathOf("bad")).Where(f => f.EndsWith(".conf", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void BadFolder_HoldsAtLeast25Cases() => Assert.True(BadFiles().Count >= 25);

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void CheckConfig_BadFixture_PrintsExactlyTheExpectedLines(string file)
    {
        var path = Fixtures.PathOf("bad/" + file);
        var load = ClusterConfigLoader.Load(path, "node1");
        // As host/Runtime/ClusterConfigCheck does: a file with syntax errors is not validated, so nothing cascades from them.
        var report = load.Configuration is null || load.HasErrors ? null : ClusterValidator.Validate(load.Configuration, FakeModule.Defaults, []);
        var actual = ConfigIssueFormatter.Lines(load, report).Select(Fixtures.Relative).ToList();
        var expectedPath = Path.ChangeExtension(path, ".expected");
        if (Environment.GetEnvironmentVariable("VIGIL_UPDATE_EXPECTED") == "1")
        {
            File.WriteAllLines(expectedPath, actual);
        }

        Assert.Equal(File.ReadAllLines(expectedPath), actual);
        Assert.True(ConfigIssueFormatter.HasErrors(load, report), "a bad fixture must produce at least one error");
    }
}
