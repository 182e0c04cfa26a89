using Vigil.Abstractions.Checks;
using Vigil.Abstractions.Configuration;
using Vigil.Checkers.Tests.Support;
using Vigil.Linux.Tracking;
using Vigil.Plugins.Checkers.Checkers.FileCheck;

namespace Vigil.Checkers.Tests.Checkers.FileCheck;

public sealed class FileCheckerTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();
    private readonly TrackFileCatalog _catalog = new();

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task UpDownUp_FollowsTheFile_WithTheTrackFilesWeight()
    {
        _catalog.Use(new Dictionary<string, TrackFileDefinition> { ["tf"] = new("tf", _path, Weight: -3) });
        await using var check = Probes.Create(new FileChecker(_catalog), 80, [("track_file", "tf")]);
        var results = new List<CheckResult>();
        foreach (var content in new[] { "0\n", "715827883", "99999999999", "2\n" })
        {
            await File.WriteAllTextAsync(_path, content);
            results.Add(await check.ProbeAsync(CancellationToken.None));
        }

        // 715827883 × -3 is below -2^31: a fault. Out of range is no reading, so the fault stands; 2 × -3 takes the
        // configured weight 1 to 0.
        Assert.Equal([(true, null), (false, null), (false, null), (true, 0)], results.Select(r => (r.Healthy, r.Weight)));
        Assert.Equal("bad status 715827883", results[1].Reason);
    }

    [Fact]
    public async Task OwnWeightOverridesTheTrackFiles_ZeroWeightIsUpOnlyAtZero()
    {
        _catalog.Use(new Dictionary<string, TrackFileDefinition> { ["tf"] = new("tf", _path, Weight: 5) });
        await using var doubled = Probes.Create(new FileChecker(_catalog), 80, [("track_file", "tf"), ("weight", "2 reverse")]);
        await using var flag = Probes.Create(new FileChecker(_catalog), 80, [("track_file", "tf"), ("weight", "0")]);
        await File.WriteAllTextAsync(_path, "-4");

        var a = await doubled.ProbeAsync(CancellationToken.None);
        var b = await flag.ProbeAsync(CancellationToken.None);

        Assert.Equal((true, 9), (a.Healthy, a.Weight));
        Assert.Equal(("bad status -4", "track_file tf (" + _path + ") value -4"), (b.Reason, b.Detail));
    }

    [Theory]
    [InlineData("weight", "2 sideways", "virtual_server:0:real_server:0:FILE_CHECK:weight")]
    [InlineData("weight", "-2147483648", "virtual_server:0:real_server:0:FILE_CHECK:weight")]
    [InlineData("delay_loop", "3", "virtual_server:0:real_server:0:FILE_CHECK:delay_loop")]
    public void BadKeywordsAreErrorsAtTheirPath(string key, string value, string path)
    {
        var (settings, _, issues) = Probes.Read(new FileChecker(_catalog), 80, [("track_file", "tf"), (key, value)]);

        Assert.Null(settings);
        Assert.Contains(issues, i => i.Path == path);
    }

    [Fact]
    public void Validator_ReportsUnknownTrackFiles_AndValidatesTheGlobalBlocks()
    {
        var configuration = TreeConfig.Build(
            ("track_file:0:name", "tf"),
            ("track_file:0:weight", "300"),
            ("virtual_server:0:name", "10.0.0.1 80"),
            ("virtual_server:0:real_server:0:name", "10.0.0.2 80"),
            ("virtual_server:0:real_server:0:FILE_CHECK:0:track_file", "tf"),
            ("virtual_server:0:real_server:0:FILE_CHECK:1:track_file", "other"));
        var report = new ValidationReport(configuration.Locator);

        new FileCheckValidator().Validate(configuration, report);

        Assert.Equal(
            [
                ("track_file:0", "missing file in track_file tf"),
                ("track_file:0:weight", "weight 300 out of range -254-254 in track_file tf"),
                ("virtual_server:0:real_server:0:FILE_CHECK:1:track_file", "track_file other not found for FILE_CHECK of real_server 10.0.0.2 80"),
            ],
            report.Issues.Select(i => (i.Path, i.Message)).Order());
    }
}
