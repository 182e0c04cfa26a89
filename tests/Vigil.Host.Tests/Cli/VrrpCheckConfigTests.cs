using System.Text.RegularExpressions;
using Vigil.Testing;
using Vigil.Testing.Processes;

namespace Vigil.Host.Tests.Cli;

/// <summary>
/// VRRP-level configurations through the real <c>vigil check-config</c> with the real vrrp and notify plugins from
/// artifacts/&lt;Configuration&gt;/plugins. Each tests/fixtures/bad-vrrp/NAME.conf has a NAME.expected holding exactly the
/// lines printed on stdout, with file paths relative to tests/fixtures (<c>bad-vrrp/NAME.conf:5: error: …</c>) as in
/// tests/fixtures/bad. The exit code must be 1 when an expected line is an error, else 0 (warning-only fixtures).
/// </summary>
public sealed partial class VrrpCheckConfigTests
{
    private static readonly string[] DefaultModules =
        ["--plugins-dir", RepoPaths.PluginsDirectory, "--set", "Modules:vrrp:Enabled=true", "--set", "Modules:notify:Enabled=true"];

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Fixtures, "bad-vrrp"), "*.conf").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static TheoryData<string> Seeds()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Fixtures, "seed"), "*.conf").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void BadVrrpFolder_HoldsAtLeast15Cases() => Assert.True(Fixtures().Count >= 15);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task CheckConfig_BadVrrpFixture_PrintsExactlyTheExpectedLines(string file)
    {
        var path = Path.Combine(RepoPaths.Fixtures, "bad-vrrp", file);
        var expected = await File.ReadAllLinesAsync(Path.ChangeExtension(path, ".expected"));

        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["check-config", "-f", path, .. DefaultModules]);

        Assert.Equal(expected, result.Lines.Select(Relative));
        Assert.Equal(expected.Any(l => l.Contains(": error: ", StringComparison.Ordinal)) ? 1 : 0, result.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task CheckConfig_Seed_IsValidWithTheRealModules(string file)
    {
        var path = Path.Combine(RepoPaths.Fixtures, "seed", file);

        var result = await Command.RunAsync(RepoPaths.VigilBinary, ["check-config", "-f", path, .. DefaultModules]);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.All(result.Lines, l => Assert.Matches(AllowedSeedWarning(), l));
    }

    private static string Relative(string line) => line.Replace(RepoPaths.Fixtures + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);

    /// <summary>
    /// A section or keyword of a module not enabled here (HTTP_GET needs the checkers module), a keyword keepalived itself
    /// deprecates (nb_get_retry, nat_mask), or a notify script the seed names that this machine does not have
    /// (/etc/keepalived/notify.sh): about the machine or keepalived's own advice, not errors in the configuration.
    /// </summary>
    [GeneratedRegex(@": warning: (section '\w+' needs module '[\w-]+', which is not enabled; ignored|'\w+' in .+ needs module '[\w-]+', which is not enabled; ignored|'\w+' in .+ is deprecated: .+|notify_\w+ script /etc/keepalived/\S+ not found in vrrp_instance \w+)$")]
    private static partial Regex AllowedSeedWarning();
}
